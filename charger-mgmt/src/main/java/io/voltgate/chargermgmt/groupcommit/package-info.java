/**
 * Group commit for the charger message path: many small writes (and the handshake's reads) that
 * arrive together share one database transaction, and each caller still learns of its own
 * write only after it was committed.
 */
package io.voltgate.chargermgmt.groupcommit;
