package io.voltgate.chargermgmt.station;

/** What a handshake needs to know about a registered station. */
public record HandshakeInfo(String passwordHash, boolean accepted) {}
