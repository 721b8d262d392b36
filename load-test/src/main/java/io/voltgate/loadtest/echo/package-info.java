/** The plain-WebSocket echo baseline (issue 3): round trips through /bench/echo during a fleet run. */
package io.voltgate.loadtest.echo;
