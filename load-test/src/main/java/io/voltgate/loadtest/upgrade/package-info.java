/**
 * The end-to-end upgrade scenario of issue 5: HAProxy in front of instance A and MySQL, a fleet
 * of simulated chargers on A, instance B started, and A stopped once B is ready — gracefully
 * (SIGTERM, the session migrator), plainly (SIGTERM with the migrator off: Liberty's own stop)
 * or by a crash ({@code kill -9}). Measures what the chargers and the app see.
 */
package io.voltgate.loadtest.upgrade;
