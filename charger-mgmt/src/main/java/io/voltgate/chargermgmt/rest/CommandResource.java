package io.voltgate.chargermgmt.rest;

import io.voltgate.chargermgmt.cluster.InstanceRegistry;
import io.voltgate.chargermgmt.cluster.InstanceStatus;
import io.voltgate.chargermgmt.command.CommandForwarder;
import io.voltgate.chargermgmt.command.CommandService;
import io.voltgate.chargermgmt.ocpp.InstanceIdentity;
import io.voltgate.chargermgmt.ocpp.frame.FrameCodec;
import io.voltgate.chargermgmt.ocpp.v16.Ocpp16Action;
import io.voltgate.chargermgmt.ocpp.v16.Ocpp16Schemas;
import io.voltgate.chargermgmt.ocpp.v16.PayloadViolation;
import io.voltgate.chargermgmt.session.CallFailure;
import io.voltgate.chargermgmt.session.SessionRegistry;
import io.voltgate.chargermgmt.station.StationDetails;
import io.voltgate.chargermgmt.station.StationService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /stations/{id}/commands/{action}}: the body is the OCPP request payload; the
 * answer is the station's response payload (CONTRACT §2). The request thread is not held while
 * the station thinks: the JAX-RS response completes when the answer, a CALLERROR or the
 * timeout arrives.
 */
@Path("/stations/{stationId}/commands")
@ApplicationScoped
@Tag(name = "Commands")
public class CommandResource {

  @Inject CommandService commands;
  @Inject StationService stations;
  @Inject Ocpp16Schemas schemas;
  @Inject FrameCodec codec;
  @Inject SessionRegistry sessions;
  @Inject InstanceRegistry instances;
  @Inject InstanceIdentity identity;
  @Inject CommandForwarder forwarder;

  @POST
  @Path("/{action}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Send a CSMS-initiated OCPP 1.6 CALL and return the station's answer")
  public CompletionStage<Response> send(
      @PathParam("stationId") String stationId,
      @PathParam("action") String actionName,
      @HeaderParam("Authorization") String authorization,
      @HeaderParam(CommandForwarder.FORWARDED_BY) String forwardedBy,
      String body) {
    StationResource.requireValidId(stationId);
    Ocpp16Action action =
        Ocpp16Action.of(actionName)
            .filter(Ocpp16Action::sentByCentralSystem)
            .orElseThrow(() -> new BadRequestException(actionName + " is not a CSMS-initiated OCPP 1.6 action"));
    Optional<StationDetails> details = stations.details(stationId);
    if (details.isEmpty()) {
      throw new NotFoundException("Unknown station " + stationId);
    }
    ObjectNode payload = parse(body);
    Optional<PayloadViolation> violation = schemas.validateRequest(action, payload);
    if (violation.isPresent()) {
      throw new BadRequestException("Invalid " + action + " payload: " + violation.get().description());
    }
    // The socket lives on another instance: let that one send it (never forwarded twice).
    String owner = details.get().station().getInstanceId();
    if (sessions.find(stationId).isEmpty() && forwardedBy == null && owner != null && !owner.equals(identity.id())) {
      Optional<InstanceStatus> holder = instances.find(owner);
      if (holder.isPresent() && holder.get().baseUrl() != null) {
        return forwarder
            .forward(holder.get().baseUrl(), stationId, action.name(), body, authorization, identity.id())
            .handle((answer, failure) -> failure == null
                ? Response.status(answer.status()).type(answer.contentType()).entity(answer.body()).build()
                : problemResponse(409, problem(409, "Station " + stationId + " is held by instance " + owner
                    + ", which could not be reached: " + failure.getMessage())));
      }
    }
    return commands
        .send(stationId, action, payload)
        .handle(
            (answer, failure) -> {
              if (failure == null) {
                return Response.ok(codec.mapper().writeValueAsString(answer), MediaType.APPLICATION_JSON).build();
              }
              Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
              if (cause instanceof CallFailure.Rejected r) {
                Map<String, Object> problem = problem(502, "The station answered with a CALLERROR");
                problem.put("ocppErrorCode", r.errorCode());
                problem.put("ocppErrorDescription", r.errorDescription());
                return problemResponse(502, problem);
              }
              if (cause instanceof CallFailure.TimedOut) {
                return problemResponse(504, problem(504, cause.getMessage()));
              }
              if (cause instanceof CallFailure.NotConnected) {
                return problemResponse(409, problem(409, cause.getMessage()));
              }
              return problemResponse(500, problem(500, "Internal error sending the command"));
            });
  }

  private ObjectNode parse(String body) {
    if (body == null || body.isBlank()) {
      throw new BadRequestException("The body must be the OCPP request payload (a JSON object)");
    }
    try {
      JsonNode node = codec.mapper().readTree(body);
      if (node instanceof ObjectNode object) {
        return object;
      }
    } catch (JacksonException e) {
      throw new BadRequestException("The body is not valid JSON: " + e.getOriginalMessage());
    }
    throw new BadRequestException("The body must be a JSON object");
  }

  private static Map<String, Object> problem(int status, String detail) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", Response.Status.fromStatusCode(status) != null ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Bad Gateway");
    body.put("status", status);
    body.put("detail", detail);
    return body;
  }

  private static Response problemResponse(int status, Map<String, Object> body) {
    return Response.status(status).type("application/problem+json").entity(body).build();
  }
}
