package io.voltgate.chargermgmt.ocpp.v16;

import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every OCPP 1.6 action of edition 2 (Core and the Firmware Management, Local Auth List
 * Management, Reservation, Smart Charging and Remote Trigger profiles), with the side that
 * may send its request (OCPP 1.6 §4 and §5).
 *
 * <p>The enum constant names are the action names exactly as they appear in a CALL
 * (OCPP-J 1.6 §4.2.1: case-sensitive, without the SOAP slash). {@link #schemaName()} is also
 * the base name of its schema files: {@code <name>.json} and {@code <name>Response.json}.
 */
public enum Ocpp16Action {
    // Charge Point → Central System (OCPP 1.6 §4)
    Authorize(Initiator.CHARGE_POINT),
    BootNotification(Initiator.CHARGE_POINT),
    DiagnosticsStatusNotification(Initiator.CHARGE_POINT),
    FirmwareStatusNotification(Initiator.CHARGE_POINT),
    Heartbeat(Initiator.CHARGE_POINT),
    MeterValues(Initiator.CHARGE_POINT),
    StartTransaction(Initiator.CHARGE_POINT),
    StatusNotification(Initiator.CHARGE_POINT),
    StopTransaction(Initiator.CHARGE_POINT),
    // Both directions: OCPP 1.6 §4.3 and §5.6 define DataTransfer for either side.
    DataTransfer(Initiator.CHARGE_POINT, Initiator.CENTRAL_SYSTEM),
    // Central System → Charge Point (OCPP 1.6 §5)
    CancelReservation(Initiator.CENTRAL_SYSTEM),
    ChangeAvailability(Initiator.CENTRAL_SYSTEM),
    ChangeConfiguration(Initiator.CENTRAL_SYSTEM),
    ClearCache(Initiator.CENTRAL_SYSTEM),
    ClearChargingProfile(Initiator.CENTRAL_SYSTEM),
    GetCompositeSchedule(Initiator.CENTRAL_SYSTEM),
    GetConfiguration(Initiator.CENTRAL_SYSTEM),
    GetDiagnostics(Initiator.CENTRAL_SYSTEM),
    GetLocalListVersion(Initiator.CENTRAL_SYSTEM),
    RemoteStartTransaction(Initiator.CENTRAL_SYSTEM),
    RemoteStopTransaction(Initiator.CENTRAL_SYSTEM),
    ReserveNow(Initiator.CENTRAL_SYSTEM),
    Reset(Initiator.CENTRAL_SYSTEM),
    SendLocalList(Initiator.CENTRAL_SYSTEM),
    SetChargingProfile(Initiator.CENTRAL_SYSTEM),
    TriggerMessage(Initiator.CENTRAL_SYSTEM),
    UnlockConnector(Initiator.CENTRAL_SYSTEM),
    UpdateFirmware(Initiator.CENTRAL_SYSTEM);

    /** The side of the connection that sends an action's request. */
    public enum Initiator {
        CHARGE_POINT,
        CENTRAL_SYSTEM
    }

    private static final Map<String, Ocpp16Action> BY_NAME = new HashMap<>();

    static {
        for (Ocpp16Action a : values()) {
            BY_NAME.put(a.name(), a);
        }
    }

    private final Set<Initiator> initiators;

    Ocpp16Action(Initiator first, Initiator... rest) {
        this.initiators = Collections.unmodifiableSet(EnumSet.of(first, rest));
    }

    /**
     * The action with exactly this name. Case matters (OCPP-J 1.6 §4.2.1), so
     * {@code "heartbeat"} is not an action; an empty result means {@code NotImplemented}.
     */
    public static Optional<Ocpp16Action> of(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(BY_NAME.get(name));
    }

    /** Who may send this action's request; two entries for DataTransfer. */
    public Set<Initiator> initiators() {
        return initiators;
    }

    /** Whether a charge point may send this request. */
    public boolean sentByChargePoint() {
        return initiators.contains(Initiator.CHARGE_POINT);
    }

    /** Whether the central system may send this request. */
    public boolean sentByCentralSystem() {
        return initiators.contains(Initiator.CENTRAL_SYSTEM);
    }

    /** The base name of the action's schema files, i.e. the action name. */
    public String schemaName() {
        return name();
    }
}
