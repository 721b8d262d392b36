package io.voltgate.spotsearch.rest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.voltgate.spotsearch.search.SpotQuery;
import io.voltgate.spotsearch.search.SpotSearch;
import io.voltgate.spotsearch.search.SpotSearchResult;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The encoded JSON of recent searches, keyed by the parsed query (so {@code minPowerKw=50} and
 * {@code 50.0}, or connector types in any order, share an entry). The app repeats the same
 * searches (issue 4: "the search should cost about as much as serving a constant"), and most of
 * the index's answer does not change between two of them.
 *
 * <p>Never stale: an entry is served only while the search says it is still exactly its answer
 * ({@link SpotSearch#stillAnswers}: the same spots in the same places, not one counted spot
 * changed, no station's recent contact expired). A StatusNotification replaces its spot in the
 * index at the next refresh (250 ms), and from that snapshot on every entry that counted the
 * spot is a miss. Validation costs one reference comparison per counted spot, no locking.
 *
 * <p>A miss whose only cause is changed values of spots the answer counted (the usual case:
 * ~300 StatusNotifications/s replace spots faster than the app's searches come round again)
 * is revised instead of recomputed ({@link SpotSearch#revise}): the changed spots are counted
 * again and only their part of the JSON is written again, the rest is copied.
 *
 * <p>Bounded by the bytes it holds ({@code voltgate.spot-search.response-cache-mb}). Caffeine's
 * W-TinyLFU admission keeps the repeated searches when a stream of one-off viewports (every pan
 * of a map) passes through, which a plain LRU would let flush them.
 */
@ApplicationScoped
public class SearchResponseCache {

  /** Where an answer came from. */
  public enum Source {
    /** the cached bytes as they were */
    CACHED,
    /** the cached answer with the spots that changed counted and written again */
    REVISED,
    /** searched and written afresh */
    COMPUTED
  }

  /** One answer: its body and where it came from. */
  public record Answer(byte[] body, Source source) {
    public boolean cached() {
      return source == Source.CACHED;
    }
  }

  private record Entry(SearchJsonWriter.Encoded encoded, SpotSearchResult result) {
    int weight() {
      // the body and its offsets, plus the dependency arrays and the key, roughly
      return encoded.body().length + 8 * encoded.starts().length + 13 * result.dependencies().positions().length + 256;
    }
  }

  @Inject SpotSearch search;

  @Inject
  @ConfigProperty(name = "voltgate.spot-search.response-cache-mb", defaultValue = "64")
  long maxMegabytes;

  private Cache<SpotQuery, Entry> entries;

  SearchResponseCache() {
    // for CDI
  }

  SearchResponseCache(SpotSearch search, long maxBytes) {
    this.search = search;
    this.entries = build(maxBytes);
  }

  @PostConstruct
  void start() {
    entries = build(maxMegabytes * 1024 * 1024);
  }

  private static Cache<SpotQuery, Entry> build(long maxBytes) {
    return Caffeine.newBuilder()
        .maximumWeight(Math.max(0, maxBytes))
        .weigher((SpotQuery q, Entry e) -> e.weight())
        // eviction work on the calling thread: no pool threads behind the container's back
        .executor(Runnable::run)
        .build();
  }

  /** The JSON answer to {@code query} at {@code now}, from the cache while it is still exact. */
  public Answer answer(SpotQuery query, Instant now) {
    Entry e = entries.getIfPresent(query);
    if (e != null) {
      if (search.stillAnswers(e.result().dependencies(), now)) {
        return new Answer(e.encoded().body(), Source.CACHED);
      }
      SpotSearchResult revised = search.revise(e.result(), query, now);
      if (revised != null) {
        SearchJsonWriter.Encoded encoded = SearchJsonWriter.revise(e.encoded(), e.result(), revised, query.isRadius());
        entries.put(query, new Entry(encoded, revised));
        return new Answer(encoded.body(), Source.REVISED);
      }
    }
    SpotSearchResult result = search.search(query, now);
    SearchJsonWriter.Encoded encoded = SearchJsonWriter.encode(result, query.isRadius());
    if (result.dependencies() != null) {
      // Racing writers may leave an older answer in place; reads validate, so that costs a miss.
      entries.put(query, new Entry(encoded, result));
    }
    return new Answer(encoded.body(), Source.COMPUTED);
  }

  /** Bytes held (body sizes plus a small allowance per entry), after pending maintenance. */
  long weightedSize() {
    entries.cleanUp();
    return entries.policy().eviction().orElseThrow().weightedSize().orElse(0);
  }

  long size() {
    entries.cleanUp();
    return entries.estimatedSize();
  }
}
