package io.voltgate.spotsearch.rest;

import io.voltgate.sharedkernel.SyntheticTraffic;
import io.voltgate.spotsearch.search.SpotQuery;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.time.Instant;

/**
 * Answers a valid {@code GET /api/v1/spots} straight from the servlet layer, with the same
 * bytes {@link SpotResource#search} would send: the parsed query, {@link SearchResponseCache},
 * {@code Content-Type: application/json}, and the search histogram. Everything else (other
 * methods, other paths, a query the parser rejects) goes on to JAX-RS unchanged, so the 400
 * problem documents, the OpenAPI description and the resource itself stay where they are.
 *
 * <p>Why (issue 4, "cost about as much as serving a constant"): once most answers come from
 * the cache, the JAX-RS dispatch around them (resource matching, eight injected parameters,
 * the provider chain, the request filters, per-resource REST metrics) costs more than the
 * answer itself; {@code /health/live}, the benchmark's floor, is served by a servlet too.
 */
@WebFilter(urlPatterns = "/api/v1/spots", asyncSupported = true)
public class SpotSearchFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject transient SearchResponseCache responses;
  @Inject transient SpotSearchMetrics metrics;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!"GET".equals(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    long start = System.nanoTime();
    SpotQuery query;
    try {
      query = SearchParams.parse(
          request.getParameter("bbox"), request.getParameter("lat"), request.getParameter("lng"),
          request.getParameter("radiusKm"), request.getParameter("connectorType"), request.getParameter("minPowerKw"),
          request.getParameter("available"), request.getParameter("limit"));
    } catch (WebApplicationException e) {
      chain.doFilter(request, response); // the resource parses again and answers the 400
      return;
    }
    SearchResponseCache.Answer answer = responses.answer(query, Instant.now());
    if (request.getHeader(SyntheticTraffic.HEADER) == null) {
      metrics.record(System.nanoTime() - start, answer.source());
    }
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType("application/json");
    response.setContentLength(answer.body().length);
    response.getOutputStream().write(answer.body());
  }
}
