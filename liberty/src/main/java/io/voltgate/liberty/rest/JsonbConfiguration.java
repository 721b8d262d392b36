package io.voltgate.liberty.rest;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * JSON-B for the REST API: absent values are written as {@code null} rather than dropped, so
 * every documented field is present (e.g. {@code "next": null} on the last page, CONTRACT §2).
 */
@Provider
public class JsonbConfiguration implements ContextResolver<Jsonb> {

  private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

  @Override
  public Jsonb getContext(Class<?> type) {
    return jsonb;
  }
}
