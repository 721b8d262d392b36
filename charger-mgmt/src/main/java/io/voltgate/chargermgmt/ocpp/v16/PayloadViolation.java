package io.voltgate.chargermgmt.ocpp.v16;

import io.voltgate.chargermgmt.ocpp.frame.RpcErrorCode;
import java.util.Objects;

/**
 * Why a payload does not conform to its OCPP schema, as the CALLERROR that reports it: the
 * code and a short human-readable description that names the offending field, e.g.
 * {@code "$.chargePointVendor: required property missing"}.
 *
 * @param code the CALLERROR code (spell it with {@link RpcErrorCode#spelling})
 * @param description at most {@value #MAX_DESCRIPTION_LENGTH} characters, naming the field
 */
public record PayloadViolation(RpcErrorCode code, String description) {

    /** Descriptions are cut to this length so a hostile payload cannot inflate the answer. */
    public static final int MAX_DESCRIPTION_LENGTH = 200;

    public PayloadViolation {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(description, "description");
        if (description.length() > MAX_DESCRIPTION_LENGTH) {
            description = description.substring(0, MAX_DESCRIPTION_LENGTH - 1) + "…";
        }
    }
}
