/**
 * Simulated OCPP 1.6J chargers on Netty: the per-charger state machine that behaves like
 * firmware (boot, heartbeat, status, transactions, answers to the server's CALLs), the
 * transaction-message queue of OCPP 1.6 §3.7 and the reconnect policies.
 */
package io.voltgate.loadtest.charger;
