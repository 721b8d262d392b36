package io.voltgate.liberty.support;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Where the server under test lives and how tests name their own data. Every test creates its
 * stations, tags and spots with fresh random ids, so tests never depend on each other or on
 * the order they run in.
 */
public final class ItEnvironment {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ItEnvironment() {
    }

    public static int httpPort() {
        return Integer.getInteger("it.http.port", 19080);
    }

    public static String httpBase() {
        return "http://localhost:" + httpPort();
    }

    public static String ocppUrl(String stationId) {
        return "ws://localhost:" + httpPort() + "/ocpp/" + pathSegment(stationId);
    }

    /**
     * A station id as a URL path segment: of the allowed characters only {@code |} is not legal
     * in a URI path and must be percent-encoded; the others are sent as they are.
     */
    public static String pathSegment(String id) {
        return id.replace("%", "%25").replace("|", "%7C").replace(" ", "%20");
    }

    public static String adminUser() {
        return System.getProperty("it.admin.user", "admin");
    }

    public static String adminPassword() {
        return System.getProperty("it.admin.password", "voltgate-dev");
    }

    /** A fresh station id such as {@code IT-7QK2M9XZ4B1C}: 15 characters of the allowed set. */
    public static String newStationId() {
        return "IT-" + randomSuffix(12);
    }

    /** A fresh id tag (CiString20): {@code T} + 12 random characters. */
    public static String newIdTag() {
        return "T" + randomSuffix(12);
    }

    public static String newSpotId() {
        return "SPOT-" + randomSuffix(12);
    }

    public static String randomSuffix(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** An ISO-8601 UTC timestamp with millisecond precision, as chargers send them. */
    public static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    public static String now() {
        return timestamp(Instant.now());
    }
}
