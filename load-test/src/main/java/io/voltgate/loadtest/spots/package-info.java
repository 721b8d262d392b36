/**
 * The spot-search dataset and benchmark (issue 4, items 4 and 5): a seeded Japan-like network
 * of spots, stations, connectors and status history ({@link io.voltgate.loadtest.spots.JapanDataset}),
 * written into a database whose schema the server created ({@link io.voltgate.loadtest.spots.DatasetLoader},
 * command {@code generate-spots}); and the measuring half of the benchmark
 * ({@link io.voltgate.loadtest.spots.SpotBench}, command {@code spot-bench}) with its fixed
 * query mix ({@link io.voltgate.loadtest.spots.QueryMix}). {@code load-test/scripts/spot-bench.sh}
 * starts the servers and the fleet around it; results and commands are in
 * {@code docs/benchmarks-spots.md}.
 */
package io.voltgate.loadtest.spots;
