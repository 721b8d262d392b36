package io.voltgate.chargermgmt.station;

/** Which instance holds a station's socket, and that session's token. */
public record SessionOwner(String instanceId, String token) {}
