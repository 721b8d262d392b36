/**
 * The instances sharing one database: heartbeats, readiness of the others (a successor for the
 * session migrator), and clean-up of the station ownership a dead instance left behind.
 */
package io.voltgate.chargermgmt.cluster;
