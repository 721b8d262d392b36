package io.voltgate.loadtest.spots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voltgate.loadtest.spots.JapanDataset.City;
import io.voltgate.loadtest.spots.JapanDataset.Connector;
import io.voltgate.loadtest.spots.JapanDataset.Sizes;
import io.voltgate.loadtest.spots.JapanDataset.Spot;
import io.voltgate.loadtest.spots.JapanDataset.Station;
import io.voltgate.loadtest.spots.JapanDataset.StatusEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generated network has the shape issue 4 asks for, and the same seed gives the same one. */
class JapanDatasetTest {

  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  private static final Set<String> TYPES = Set.of("CHAdeMO", "CCS2", "Type2", "NACS");
  private static final Set<String> STATUSES = Set.of("Available", "Preparing", "Charging", "SuspendedEV", "Finishing",
      "Faulted", "Unavailable");

  private final JapanDataset d = new JapanDataset(7, new Sizes(1200, 3000, 200_000), NOW);

  @Test
  void hasTheRequestedCountsAndAboutTwoConnectorsPerStation() {
    assertEquals(1200, d.spots().size());
    assertEquals(3000, d.stations().size());
    assertEquals(1200, d.spots().stream().map(Spot::spotId).distinct().count());
    assertEquals(3000, d.stations().stream().map(Station::stationId).distinct().count());
    long connectors = d.connectorCount();
    assertTrue(connectors > 5700 && connectors < 6300, "connectors " + connectors);
    long history = d.stations().stream().flatMap(s -> s.connectors().stream()).mapToLong(Connector::historyRows).sum();
    assertEquals(200_000, history);
    Set<String> withStation = new HashSet<>();
    d.stations().forEach(s -> withStation.add(s.spotId()));
    assertEquals(1200, withStation.size(), "every spot has a station");
  }

  @Test
  void clustersSpotsAroundJapaneseCitiesWithTokyoTheLargest() {
    Map<String, City> cities = new HashMap<>();
    JapanDataset.CITIES.forEach(c -> cities.put(c.name(), c));
    Map<String, Integer> perCity = new HashMap<>();
    int roadside = 0;
    for (Spot s : d.spots()) {
      assertTrue(s.lat() > 24 && s.lat() < 46 && s.lng() > 122 && s.lng() < 146, "in Japan: " + s);
      City city = cities.get(s.city());
      perCity.merge(city.name(), 1, Integer::sum);
      if (s.name().contains("roadside")) {
        roadside++;
      } else {
        // gaussian around its city: practically never beyond 5 sigma
        double km = km(s.lat(), s.lng(), city.lat(), city.lng());
        assertTrue(km < 5 * city.sigmaKm(), s + " is " + km + " km from " + city.name());
      }
    }
    assertTrue(roadside > 0.05 * d.spots().size() && roadside < 0.15 * d.spots().size(), "roadside " + roadside);
    int tokyo = perCity.get("Tokyo");
    perCity.forEach((city, n) -> assertTrue(n <= tokyo, city + " " + n + " > Tokyo " + tokyo));
    assertTrue(tokyo > 0.2 * d.spots().size(), "Tokyo " + tokyo);
    assertTrue(perCity.getOrDefault("Sapporo", 0) > 0 && perCity.getOrDefault("Fukuoka", 0) > 0
        && perCity.getOrDefault("Osaka", 0) > perCity.getOrDefault("Nagoya", 0), perCity.toString());
  }

  @Test
  void usesJapaneseConnectorTypesAndPowersFrom6To150Kw() {
    Map<String, Integer> byType = new HashMap<>();
    for (Station s : d.stations()) {
      for (Connector c : s.connectors()) {
        assertTrue(TYPES.contains(c.type()), c.type());
        assertTrue(c.maxPowerKw() >= 6 && c.maxPowerKw() <= 150, c.toString());
        if (c.type().equals("Type2")) {
          assertTrue(c.maxPowerKw() <= 22, "AC: " + c);
        } else {
          assertTrue(c.maxPowerKw() >= 50, "DC: " + c);
        }
        byType.merge(c.type(), 1, Integer::sum);
      }
    }
    assertEquals(TYPES, byType.keySet());
    assertTrue(byType.get("CHAdeMO") > byType.get("CCS2") && byType.get("CCS2") > byType.get("NACS"), byType.toString());
  }

  @Test
  void numbersTwoConnectorStationsFirstSoTheFleetMatchesWhatIsRegistered() {
    List<Station> st = d.stations();
    int twos = (int) st.stream().filter(s -> s.connectors().size() == 2).count();
    assertTrue(twos > st.size() / 3, "two-connector stations: " + twos);
    for (int i = 0; i < st.size(); i++) {
      assertEquals(String.format("JP-%06d", i), st.get(i).stationId());
      assertEquals(i < twos, st.get(i).connectors().size() == 2, st.get(i).toString());
    }
  }

  @Test
  void historyIsOrderedWithConsecutiveIdsAndEndsBeforeNow() {
    long expectedId = 1;
    Map<String, Integer> last = new HashMap<>();
    for (Station s : d.stations()) {
      for (Connector c : s.connectors()) {
        List<StatusEvent> h = d.history(c);
        assertEquals(c.historyRows(), h.size());
        for (int i = 0; i < h.size(); i++) {
          StatusEvent e = h.get(i);
          assertEquals(expectedId++, e.id());
          assertTrue(STATUSES.contains(e.status()), e.status());
          assertEquals(e.status().equals("Faulted"), !e.errorCode().equals("NoError"), e.toString());
          assertTrue(e.receivedAt().isAfter(e.statusAt()));
          assertTrue(i == 0 || e.statusAt().isAfter(h.get(i - 1).statusAt()), "strictly newer: " + e);
          assertTrue(e.statusAt().isBefore(NOW) && e.statusAt().isAfter(NOW.minus(JapanDataset.HISTORY_SPAN).minusSeconds(1)));
        }
        last.merge(h.get(h.size() - 1).status(), 1, Integer::sum);
      }
    }
    int available = last.getOrDefault("Available", 0);
    assertTrue(available > 0.25 * d.connectorCount() && available < 0.6 * d.connectorCount(), "latest Available: " + last);
  }

  @Test
  void theSameSeedGivesTheSameNetworkAndAnotherSeedAnotherOne() {
    JapanDataset again = new JapanDataset(7, new Sizes(1200, 3000, 200_000), NOW);
    assertEquals(d.spots(), again.spots());
    assertEquals(d.stations(), again.stations());
    Connector c = d.stations().get(10).connectors().get(0);
    assertEquals(d.history(c), again.history(again.stations().get(10).connectors().get(0)));
    assertNotEquals(d.spots(), new JapanDataset(8, new Sizes(1200, 3000, 200_000), NOW).spots());
  }

  private static double km(double lat1, double lng1, double lat2, double lng2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLng = Math.toRadians(lng2 - lng1);
    double a = Math.pow(Math.sin(dLat / 2), 2)
        + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLng / 2), 2);
    return 2 * 6371 * Math.asin(Math.sqrt(a));
  }
}
