package io.voltgate.chargermgmt.transaction;

import java.time.Instant;

/** One sampledValue of a MeterValue (OCPP 1.6 §7.43), with its defaults already applied. */
public record MeterSample(
    Instant sampledAt,
    String value,
    String context,
    String format,
    String measurand,
    String phase,
    String location,
    String unit) {}
