/** Operator authentication for the admin REST API (HTTP Basic against configured accounts). */
package io.voltgate.liberty.security;
