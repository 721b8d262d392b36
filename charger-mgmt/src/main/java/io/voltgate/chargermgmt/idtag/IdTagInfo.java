package io.voltgate.chargermgmt.idtag;

import java.time.Instant;

/** OCPP 1.6 IdTagInfo (§7.24): the answer about a tag; optional parts may be null. */
public record IdTagInfo(String status, Instant expiryDate, String parentIdTag) {
  public static final IdTagInfo INVALID = new IdTagInfo("Invalid", null, null);
}
