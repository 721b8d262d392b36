/** Benchmark-only endpoints, off by default: the plain WebSocket echo baseline. */
package io.voltgate.liberty.bench;
