/**
 * The OCPP-J WebSocket edge: the handshake filter (identity, registration, credentials,
 * admission — in the contract's order), sub-protocol negotiation, the endpoint and the
 * per-message pipeline (decode, check, validate, dispatch, answer, measure).
 */
package io.voltgate.chargermgmt.ocpp;
