package io.voltgate.spotsearch.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.time.Instant;

/**
 * The production {@link SpotSearch}: answers from this instance's {@link SpotIndex}, which the
 * read model's refresher replaces as the database changes. A search reads one volatile field
 * and touches no database. Typed to its class only: which {@link SpotSearch} the REST layer gets
 * is chosen by configuration ({@code readmodel.SpotSearchStrategy}).
 */
@ApplicationScoped
@Typed(IndexedSpotSearch.class)
public class IndexedSpotSearch implements SpotSearch {

  private volatile SpotIndex index = SpotIndex.empty();
  private volatile boolean loaded;

  @Override
  public SpotSearchResult search(SpotQuery query, Instant now) {
    return index.search(query, now);
  }

  @Override
  public boolean stillAnswers(SearchDependencies dependencies, Instant now) {
    return dependencies != null && index.stillAnswers(dependencies, now);
  }

  @Override
  public SpotSearchResult revise(SpotSearchResult earlier, SpotQuery query, Instant now) {
    return earlier.dependencies() == null ? null : index.revise(earlier, query, now);
  }

  public SpotIndex current() {
    return index;
  }

  /** Publishes a new snapshot; the first call marks the index loaded. */
  public void publish(SpotIndex next) {
    index = next;
    loaded = true;
  }

  /** Whether the index has been loaded from the database at least once. */
  public boolean isLoaded() {
    return loaded;
  }
}
