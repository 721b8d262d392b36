/**
 * Versioned schema migrations (Flyway, {@code db/migration}) run once at start-up, before the
 * instance reports ready. JPA never generates DDL.
 */
package io.voltgate.liberty.schema;
