package io.voltgate.chargermgmt.station;

/** What a station says about itself in BootNotification (OCPP 1.6 §6.2). */
public record BootInfo(
    String vendor,
    String model,
    String firmwareVersion,
    String chargePointSerialNumber,
    String chargeBoxSerialNumber,
    String iccid,
    String imsi,
    String meterType,
    String meterSerialNumber) {}
