/**
 * The WAR assembly: the REST application root, and the cross-cutting pieces that belong to the
 * deployment rather than to a bounded context (schema migrations, operator authentication,
 * problem+json rendering, sample data).
 */
package io.voltgate.liberty;
