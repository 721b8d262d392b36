/**
 * The charger-fleet load test (issue 3): the command line ({@link io.voltgate.loadtest.Main}),
 * its options and the scenarios ({@code steady}, {@code storm}). The simulated chargers live in
 * {@code charger}, running a fleet (in one JVM or spread over child JVMs) in {@code fleet}, the
 * measurements in {@code metrics} and the per-run report in {@code report}. Nothing here is part
 * of the WAR; the server is only ever reached over the network.
 */
package io.voltgate.loadtest;
