/** Credential hashing for stations (OCPP security profile 1/2) and operators. */
package io.voltgate.chargermgmt.security;
