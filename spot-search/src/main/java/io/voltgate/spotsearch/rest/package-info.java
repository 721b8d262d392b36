/** The spot API: admin registration and the app's public reads (CONTRACT §2). */
package io.voltgate.spotsearch.rest;
