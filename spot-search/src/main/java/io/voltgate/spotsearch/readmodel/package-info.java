/**
 * Spot-search's persistence: its own {@link io.voltgate.spotsearch.readmodel.Spot} entity, and
 * the read model that keeps this instance's spot index current from the published tables
 * ({@code spot}, {@code station}, {@code connector}, {@code connector_status_latest}; see
 * shared-kernel's package documentation), polling their database-maintained {@code changed_at}
 * markers. Never reads the status history, never imports charger-mgmt, with one deliberate
 * exception: {@link io.voltgate.spotsearch.readmodel.NaiveSpotSearch}, the benchmark's baseline
 * (issue 4), which derives statuses from the history at query time to show what the index
 * saves; {@link io.voltgate.spotsearch.readmodel.SpotSearchStrategy} selects it only when
 * configured.
 */
package io.voltgate.spotsearch.readmodel;
