/** charger-mgmt's contributions to MicroProfile Health. */
package io.voltgate.chargermgmt.health;
