package io.voltgate.chargermgmt.migration;

import java.time.Instant;

/** What {@code GET /api/v1/ops/migration} answers (CONTRACT §3). */
public record MigrationStatus(
    String state, int total, int closed, int remaining, double ratePerSecond, boolean successorReady, Instant startedAt) {}
