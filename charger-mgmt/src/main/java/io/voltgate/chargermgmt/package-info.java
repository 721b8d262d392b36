/**
 * Charger management: the OCPP endpoints, sessions, charger state, transactions, commands and
 * the session migrator. Feature packages ({@code station}, {@code idtag}, {@code transaction})
 * hold the rules and never import {@code ocpp}, {@code rest} or {@code persistence}; those
 * adapters translate at the edge.
 */
package io.voltgate.chargermgmt;
