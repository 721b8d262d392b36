package io.voltgate.chargermgmt.station;

/** A note that another instance took over a station's session; {@code token} names the old one. */
public record Takeover(long id, String stationId, String token) {}
