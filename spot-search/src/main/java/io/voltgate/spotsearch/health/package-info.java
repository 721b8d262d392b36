/** spot-search's MicroProfile Health checks. */
package io.voltgate.spotsearch.health;
