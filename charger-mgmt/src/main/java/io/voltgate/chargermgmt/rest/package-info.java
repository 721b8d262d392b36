/**
 * The operators' admin API under {@code /api/v1} (CONTRACT §2): stations, commands, id tags,
 * transactions. Errors are thrown as standard JAX-RS exceptions and rendered as problem+json
 * by the assembly. Query parameters are read as strings and parsed here so that a bad number
 * is a 400, never JAX-RS's default 404.
 */
package io.voltgate.chargermgmt.rest;
