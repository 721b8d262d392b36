/**
 * Operator commands to stations: any CSMS-initiated OCPP 1.6 action, validated against its
 * schema before it is sent and correlated with the station's answer.
 */
package io.voltgate.chargermgmt.command;
