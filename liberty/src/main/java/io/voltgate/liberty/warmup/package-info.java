/** The instance's start-up warm-up, which gates readiness. */
package io.voltgate.liberty.warmup;
