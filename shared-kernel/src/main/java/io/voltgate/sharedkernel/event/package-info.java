/**
 * Published domain events (past-tense records). CDI events stay inside one JVM; they may only
 * evict caches in other contexts, never carry state another instance would miss.
 */
package io.voltgate.sharedkernel.event;
