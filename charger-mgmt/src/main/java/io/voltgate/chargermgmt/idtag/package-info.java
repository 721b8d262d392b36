/** Authorization identifiers (RFID cards, app tokens): their status and expiry, and Authorize. */
package io.voltgate.chargermgmt.idtag;
