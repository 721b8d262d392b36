/**
 * OCPP 1.6 (edition 2, JSON) message definitions: the actions and who may initiate them
 * ({@link io.voltgate.chargermgmt.ocpp.v16.Ocpp16Action}) and validation of request and
 * response payloads against the OCA's JSON schemas with the errata applied
 * ({@link io.voltgate.chargermgmt.ocpp.v16.Ocpp16Schemas}, schemas under
 * {@code src/main/resources/ocpp16/schemas/}).
 *
 * <p>Validation failures come back as {@link io.voltgate.chargermgmt.ocpp.v16.PayloadViolation}s
 * carrying the CALLERROR code the contract prescribes, so that the endpoint answers without
 * knowing about JSON Schema. Dispatch to the feature services belongs here later too; domain
 * rules do not.
 */
package io.voltgate.chargermgmt.ocpp.v16;
