/**
 * Spot search for the app's map. Reads spots and charger-mgmt's published latest-status table,
 * never the status history, and never depends on charger-mgmt's code.
 */
package io.voltgate.spotsearch;
