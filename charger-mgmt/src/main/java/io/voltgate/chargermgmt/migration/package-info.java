/**
 * The readiness-gated, staggered session migrator (issue 5, CONTRACT §3 "Graceful upgrade"):
 * on a stop signal or the drain endpoint the instance turns not-ready, waits (bounded) for a
 * ready successor, then closes its charger sessions a few at a time so they reconnect to the
 * successor at a rate it can absorb.
 */
package io.voltgate.chargermgmt.migration;
