package io.voltgate.spotsearch.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voltgate.sharedkernel.ConnectorStatus;
import io.voltgate.sharedkernel.ConnectorType;
import io.voltgate.sharedkernel.GeoPoint;
import io.voltgate.spotsearch.rest.SpotJsons.SearchJson;
import io.voltgate.spotsearch.search.ConnectorFilter;
import io.voltgate.spotsearch.search.IndexedConnector;
import io.voltgate.spotsearch.search.IndexedSpot;
import io.voltgate.spotsearch.search.SpotHit;
import io.voltgate.spotsearch.search.SpotSearchResult;
import io.voltgate.spotsearch.search.StationPresence;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The streamed search JSON is what JSON-B makes of the {@link SearchJson} record. */
class SearchJsonWriterTest {

  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

  private final Jsonb jsonb = JsonbBuilder.create();

  private static SpotSearchResult sample() {
    IndexedSpot a = new IndexedSpot("jp-00001", "Tokyo \"Station\" ENEOS #1", new GeoPoint(35.681236, 139.767125),
        Instant.parse("2026-11-24T11:59:58.123Z"),
        List.of(new StationPresence("JP-000001", true, null), new StationPresence("JP-000002", false, NOW.minusSeconds(3600))),
        List.of(new IndexedConnector(0, 1, ConnectorType.CHADEMO, 50, ConnectorStatus.Available),
            new IndexedConnector(0, 2, ConnectorType.CCS2, 150, ConnectorStatus.Charging),
            new IndexedConnector(1, 1, ConnectorType.TYPE2, 7.4, ConnectorStatus.Available)));
    IndexedSpot empty = new IndexedSpot("jp-00002", "Empty", new GeoPoint(-33.5, 151), Instant.parse("2026-11-24T10:00:00Z"),
        List.of(), List.of());
    return new SpotSearchResult(List.of(
        new SpotHit(a, 1.23456789, a.count(ConnectorFilter.NONE, NOW)),
        new SpotHit(empty, 42, empty.count(ConnectorFilter.NONE, NOW))), true);
  }

  private static JsonObject parse(String json) {
    return Json.createReader(new StringReader(json)).readObject();
  }

  private static JsonObject parse(byte[] json) {
    return parse(new String(json, StandardCharsets.UTF_8));
  }

  @Test
  void writesWhatJsonbWritesForBoxesAndForRadiusSearches() {
    for (boolean radius : new boolean[] {false, true}) {
      String expected = jsonb.toJson(SearchJson.of(sample(), radius));
      byte[] actual = SearchJsonWriter.write(sample(), radius);
      assertEquals(parse(expected), parse(actual), new String(actual, StandardCharsets.UTF_8));
    }
    JsonObject box = parse(SearchJsonWriter.write(sample(), false));
    assertFalse(box.getJsonArray("spots").getJsonObject(0).containsKey("distanceKm"));
    JsonObject circle = parse(SearchJsonWriter.write(sample(), true));
    assertEquals(1.235, circle.getJsonArray("spots").getJsonObject(0).getJsonNumber("distanceKm").doubleValue());
    assertTrue(circle.getBoolean("truncated"));
  }

  @Test
  void escapesAndEncodesEveryStringLikeJsonb() {
    String[] names = {"quote \" backslash \\ slash /", "controls \b\f\n\r\t \u0001 \u001f end", "東京駅 ÉNEOS ß", "emoji \uD83D\uDE00 x", ""};
    for (String name : names) {
      IndexedSpot s = new IndexedSpot("id-" + name.length(), name, new GeoPoint(-0.0001, 179.999999), null, List.of(), List.of());
      SpotSearchResult r = new SpotSearchResult(List.of(new SpotHit(s, 0.0004, s.count(ConnectorFilter.NONE, NOW))), false);
      byte[] actual = SearchJsonWriter.write(r, true);
      String text = new String(actual, StandardCharsets.UTF_8);
      assertEquals(parse(jsonb.toJson(SearchJson.of(r, true))), parse(actual), text);
      assertEquals(name, parse(actual).getJsonArray("spots").getJsonObject(0).getString("name"));
      assertFalse(parse(actual).getJsonArray("spots").getJsonObject(0).containsKey("updatedAt"), "no updatedAt without one");
    }
  }

  @Test
  void writesAnEmptyResult() {
    SpotSearchResult none = new SpotSearchResult(List.of(), false);
    assertEquals(parse(jsonb.toJson(SearchJson.of(none, true))), parse(SearchJsonWriter.write(none, true)));
  }
}
