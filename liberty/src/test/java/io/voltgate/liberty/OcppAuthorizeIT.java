package io.voltgate.liberty;

import static io.voltgate.liberty.support.ItEnvironment.newIdTag;
import static io.voltgate.liberty.support.ItEnvironment.newStationId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import io.voltgate.liberty.support.AdminApi;
import io.voltgate.liberty.support.ItEnvironment;
import io.voltgate.liberty.support.OcppTestClient;
import io.voltgate.liberty.support.Payloads;

/**
 * Authorize answers from the id tags managed through {@code PUT /api/v1/id-tags/{idTag}}: unknown
 * is Invalid, a passed {@code expiryDate} is Expired, and changes apply to the next Authorize at
 * once (CONTRACT.md §1 last paragraph).
 */
class OcppAuthorizeIT {

    @Test
    void answersInvalidForAnUnknownTag() {
        try (OcppTestClient client = bootedStation()) {
            assertEquals("Invalid", authorize(client, newIdTag()));
        }
    }

    @Test
    void answersAcceptedForAnAcceptedTag() {
        String tag = putTag(newIdTag(), "Accepted", null);
        try (OcppTestClient client = bootedStation()) {
            assertEquals("Accepted", authorize(client, tag));
        }
    }

    @Test
    void answersBlockedForABlockedTag() {
        String tag = putTag(newIdTag(), "Blocked", null);
        try (OcppTestClient client = bootedStation()) {
            assertEquals("Blocked", authorize(client, tag));
        }
    }

    @Test
    void answersExpiredForAnAcceptedTagWhoseExpiryDateHasPassed() {
        String tag = putTag(newIdTag(), "Accepted",
                ItEnvironment.timestamp(Instant.now().minus(1, ChronoUnit.HOURS)));
        try (OcppTestClient client = bootedStation()) {
            assertEquals("Expired", authorize(client, tag));
        }
    }

    @Test
    void answersAcceptedForATagExpiringInTheFuture() {
        String tag = putTag(newIdTag(), "Accepted",
                ItEnvironment.timestamp(Instant.now().plus(1, ChronoUnit.DAYS)));
        try (OcppTestClient client = bootedStation()) {
            assertEquals("Accepted", authorize(client, tag));
        }
    }

    @Test
    void appliesATagChangeToTheNextAuthorizeAtOnce() {
        String tag = putTag(newIdTag(), "Accepted", null);
        try (OcppTestClient client = bootedStation()) {
            assertEquals("Accepted", authorize(client, tag));
            putTag(tag, "Blocked", null);
            assertEquals("Blocked", authorize(client, tag));
            putTag(tag, "Accepted", null);
            assertEquals("Accepted", authorize(client, tag));
        }
    }

    static String putTag(String tag, String status, String expiryDate) {
        var body = Payloads.object().put("status", status);
        if (expiryDate != null) {
            body.put("expiryDate", expiryDate);
        }
        AdminApi.Response response = AdminApi.putIdTag(tag, body);
        if (response.status() != 200 && response.status() != 201 && response.status() != 204) {
            throw new AssertionError("PUT id-tag " + tag + " failed: " + response);
        }
        return tag;
    }

    private static OcppTestClient bootedStation() {
        return OcppTestClient.connectAndBoot(AdminApi.registerStation(newStationId()));
    }

    private static String authorize(OcppTestClient client, String tag) {
        var result = client.callExpectingResult("Authorize", Payloads.authorize(tag));
        return result.path("idTagInfo").path("status").asString("<missing idTagInfo.status in " + result + ">");
    }
}
