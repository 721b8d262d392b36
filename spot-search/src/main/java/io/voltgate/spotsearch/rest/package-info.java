/**
 * The spot API (CONTRACT §2): the app's public search and detail, admin registration. Query
 * parameters are parsed here (as strings, so every bad value is a 400), results are shaped
 * into the contract's JSON, and the search-latency histogram is recorded.
 */
package io.voltgate.spotsearch.rest;
