package io.voltgate.chargermgmt.transaction;

import io.voltgate.chargermgmt.idtag.IdTagInfo;

/** The answer to a StartTransaction. */
public record StartResult(int transactionId, IdTagInfo idTagInfo) {}
