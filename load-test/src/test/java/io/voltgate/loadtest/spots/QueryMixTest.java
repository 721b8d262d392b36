package io.voltgate.loadtest.spots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voltgate.loadtest.spots.QueryMix.Query;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark's query mix is fixed by its seed and stays within the contract's limits. */
class QueryMixTest {

  @Test
  void isTheSameForTheSameSeed() {
    assertEquals(QueryMix.generate(1, 500), QueryMix.generate(1, 500));
    assertTrue(!QueryMix.generate(1, 500).equals(QueryMix.generate(2, 500)));
  }

  @Test
  void mixesCityAndRegionViewportsAndRadiusSearchesHalfOfThemFiltered() {
    List<Query> mix = QueryMix.generate(1, 2000);
    Map<String, Integer> kinds = new HashMap<>();
    int filtered = 0;
    for (Query q : mix) {
      String base = q.kind().replace("+filter", "");
      kinds.merge(base, 1, Integer::sum);
      filtered += q.kind().endsWith("+filter") ? 1 : 0;
      Map<String, String> p = params(q.path());
      if (p.containsKey("bbox")) {
        String[] b = p.get("bbox").split(",");
        double w = Double.parseDouble(b[2]) - Double.parseDouble(b[0]);
        double h = Double.parseDouble(b[3]) - Double.parseDouble(b[1]);
        assertTrue(w > 0 && h > 0 && w <= 5 && h <= 5, q.path());
        assertTrue(base.equals("city-bbox") ? w <= 0.2 : w >= 1.5, q.path());
      } else {
        double r = Double.parseDouble(p.get("radiusKm"));
        assertTrue(r >= 3 && r <= 10, q.path());
      }
      assertEquals(q.kind().endsWith("+filter"), p.size() > (p.containsKey("bbox") ? 1 : 3), q.path());
    }
    assertTrue(kinds.get("city-bbox") > 550 && kinds.get("region-bbox") > 200 && kinds.get("radius") > 850, kinds.toString());
    assertTrue(filtered > 900 && filtered < 1100, "filtered " + filtered);
  }

  private static Map<String, String> params(String path) {
    Map<String, String> p = new HashMap<>();
    for (String kv : path.substring(path.indexOf('?') + 1).split("&")) {
      String[] a = kv.split("=", 2);
      p.put(a[0], a[1]);
    }
    return p;
  }
}
