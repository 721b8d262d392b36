/**
 * The spot API (CONTRACT §2): the app's public search and detail, admin registration. Query
 * parameters are parsed here (as strings, so every bad value is a 400), results are shaped
 * into the contract's JSON, and the search-latency histogram is recorded. Valid searches are
 * answered by {@link io.voltgate.spotsearch.rest.SpotSearchFilter} from
 * {@link io.voltgate.spotsearch.rest.SearchResponseCache} (exact to the index snapshot); the
 * JAX-RS resource keeps the rest, including every 400.
 */
package io.voltgate.spotsearch.rest;
