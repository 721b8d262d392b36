/**
 * Live OCPP sessions on this instance: the registry (station id → connection, newest wins)
 * and the server's outbound CALLs, at most one in flight per station (CONTRACT §1).
 */
package io.voltgate.chargermgmt.session;
