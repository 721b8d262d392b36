/**
 * Charging stations: registration by operators, boot acceptance (which belongs to the station,
 * not to a socket), connector status with the latest-status rule, and where a station's session
 * lives.
 */
package io.voltgate.chargermgmt.station;
