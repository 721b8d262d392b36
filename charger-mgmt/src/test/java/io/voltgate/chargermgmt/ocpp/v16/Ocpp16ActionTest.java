package io.voltgate.chargermgmt.ocpp.v16;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class Ocpp16ActionTest {

    @Test
    void hasAll28ActionsOfEdition2() {
        assertEquals(28, Ocpp16Action.values().length);
    }

    @Test
    void findsActionsByExactCaseSensitiveName() {
        assertEquals(Optional.of(Ocpp16Action.BootNotification), Ocpp16Action.of("BootNotification"));
        assertTrue(Ocpp16Action.of("bootnotification").isEmpty());
        assertTrue(Ocpp16Action.of("BootNotification.req").isEmpty());
        assertTrue(Ocpp16Action.of("SignCertificate").isEmpty(), "security whitepaper actions are not 1.6 edition 2");
        assertTrue(Ocpp16Action.of(null).isEmpty());
    }

    @Test
    void knowsTheTenChargePointInitiatedActions() {
        long fromChargePoint = Arrays.stream(Ocpp16Action.values()).filter(Ocpp16Action::sentByChargePoint).count();

        assertEquals(10, fromChargePoint);
        assertTrue(Ocpp16Action.StopTransaction.sentByChargePoint());
        assertFalse(Ocpp16Action.StopTransaction.sentByCentralSystem());
        assertFalse(Ocpp16Action.RemoteStopTransaction.sentByChargePoint());
    }

    @Test
    void knowsTheNineteenCentralSystemInitiatedActions() {
        long fromCentralSystem = Arrays.stream(Ocpp16Action.values()).filter(Ocpp16Action::sentByCentralSystem).count();

        assertEquals(19, fromCentralSystem);
        assertTrue(Ocpp16Action.TriggerMessage.sentByCentralSystem());
    }

    @Test
    void dataTransferMayBeSentByEitherSide() {
        assertTrue(Ocpp16Action.DataTransfer.sentByChargePoint());
        assertTrue(Ocpp16Action.DataTransfer.sentByCentralSystem());
        assertEquals(2, Ocpp16Action.DataTransfer.initiators().size());
    }
}
