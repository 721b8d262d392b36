/**
 * The spot rules (CONTRACT §2): search areas and their limits, connector filters, availability
 * (an Available latest status on a station that is connected or was heard from within two
 * minutes, judged at query time), counting, ordering and truncation; and spot registration.
 *
 * <p>Order: radius searches nearest first; bounding-box searches by distance from the
 * viewport's center, so a truncated page shows the middle of the map; ties by spot id. Both
 * are deterministic.
 *
 * <p>Why an in-memory grid per instance instead of an indexed bounding-box query in MySQL
 * (measured 2026-11-24 on this 2-core machine, MariaDB 10.11, 12,000 spots / 24,000 stations
 * / 59,949 connectors uniformly over 5°×5°, 300 random viewports each; the SQL figure is the
 * {@code spot(lat,lng)}-indexed join of spot, station, connector and latest status, before
 * any counting, the index figure includes counting, ordering and the limit of 100):
 *
 * <pre>
 * viewport   SQL join p50 / p99        index p50 / p99
 * 0.1°       0.77 / 4.3 ms  (35 rows)   0.03 / 0.29 ms
 * 0.5°       3.8 / 11.4 ms  (603 rows)  0.15 / 1.6 ms
 * 2°         44 / 91 ms   (9,437 rows)  2.2 / 9.1 ms
 * 5°         279 / 689 ms (59,949 rows) 10.6 / 86 ms
 * </pre>
 *
 * The B-tree on (lat, lng) narrows only the latitude band, and every matching connector row
 * crosses the wire before counting; the grid narrows both axes and touches no database, so a
 * search costs tens of microseconds and adds no load to the database that the OCPP path
 * writes to. The price is memory (a few MB) and freshness by polling (about 250 ms).
 *
 * <p>{@link io.voltgate.spotsearch.search.SpotSearch} is the seam for other strategies (the
 * naive one of the issue-4 benchmark). Nothing here imports {@code rest} or {@code readmodel}:
 * the read model feeds {@link io.voltgate.spotsearch.search.IndexedSpotSearch} from outside.
 */
package io.voltgate.spotsearch.search;
