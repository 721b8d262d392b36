/**
 * Admission control for the crash case where nobody drains (issue 5, CONTRACT §1 "Overload"):
 * a handshake calendar that admits at a fixed rate and tells refused chargers exactly when to
 * come back, a cap on concurrent BootNotification work answered with Pending, and a bulkhead
 * that keeps part of the database pool for the REST API.
 */
package io.voltgate.chargermgmt.admission;
