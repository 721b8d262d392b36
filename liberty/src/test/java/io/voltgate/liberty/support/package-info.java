/**
 * Helpers for the black-box integration tests: a real OCPP-J test charger
 * ({@link io.voltgate.liberty.support.OcppTestClient}), the REST API as an operator's tool sees it
 * ({@link io.voltgate.liberty.support.AdminApi}), valid 1.6 payloads to start from, and
 * poll-with-timeout instead of fixed sleeps. Nothing here knows the server's internals.
 */
package io.voltgate.liberty.support;
