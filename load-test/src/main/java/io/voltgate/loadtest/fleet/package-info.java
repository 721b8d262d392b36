/**
 * Running a fleet: registering its stations through the admin API, starting a slice of chargers
 * in this JVM, driving a scenario's phases, and spreading a large fleet over child JVMs and
 * loopback source addresses (a process may hold at most 20,000 files here, one source address
 * about 28,000 ephemeral ports).
 */
package io.voltgate.loadtest.fleet;
