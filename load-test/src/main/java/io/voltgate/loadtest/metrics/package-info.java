/**
 * What a run measures: counters, per-second series and HdrHistograms, recorded concurrently by
 * the chargers and merged across child processes into one {@link io.voltgate.loadtest.metrics.RunResult}.
 */
package io.voltgate.loadtest.metrics;
