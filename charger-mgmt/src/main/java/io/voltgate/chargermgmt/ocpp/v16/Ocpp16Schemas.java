package io.voltgate.chargermgmt.ocpp.v16;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import io.voltgate.chargermgmt.ocpp.frame.RpcErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates OCPP 1.6 request and response payloads against the OCA's JSON schemas
 * (draft-04, errata applied; see {@code ocpp16/schemas/README.md}) and reports the first
 * problem as the CALLERROR the contract prescribes.
 *
 * <p>All 56 schemas are read and compiled in the constructor, which therefore takes a moment
 * and fails fast if a file is missing or broken. Afterwards an instance is immutable and
 * thread-safe; share one per server. Format assertions are on, so {@code "format": "date-time"}
 * (RFC 3339, e.g. {@code 2013-02-01T20:53:32.486Z}) and {@code "format": "uri"} are enforced.
 *
 * <p>Schema keywords map to CALLERROR codes (OCPP-J 1.6 §4.2.3, contract §1):
 * <ul>
 *   <li>{@code type} → {@code TypeConstraintViolation};</li>
 *   <li>{@code required} (and {@code minItems}/{@code maxItems}) → {@code OccurrenceConstraintViolation};</li>
 *   <li>{@code additionalProperties}, a property the schema does not define →
 *       {@code FormatViolation} ("not conform the PDU structure"); so is any other structural
 *       keyword the OCPP 1.6 schemas do not use today;</li>
 *   <li>{@code enum}, {@code maxLength}, {@code minLength}, {@code format}, {@code minimum},
 *       {@code maximum}, {@code multipleOf}, {@code pattern} → {@code PropertyConstraintViolation}.</li>
 * </ul>
 * When a payload breaks several rules, the reported one is chosen deterministically: the
 * highest-ranked code in the order TypeConstraint, Occurrence, Format, Property; among equals,
 * the one at the lexically smallest JSON path, then by keyword name. A wrong type is reported
 * first because every other check on that field is meaningless.
 *
 * <p>With {@code rejectUnknownProperties == false} (for firmware that adds vendor fields) every
 * {@code additionalProperties} keyword is removed before compiling, so unknown properties are
 * ignored at every depth; everything else is still enforced.
 */
public final class Ocpp16Schemas {

    /** Class-path folder of the schema files. */
    public static final String RESOURCE_DIR = "ocpp16/schemas/";

    private static final Comparator<Found> PRIORITY = Comparator
            .comparingInt((Found f) -> rank(f.code()))
            .thenComparing(Found::path)
            .thenComparing(Found::keyword);

    private final boolean rejectUnknownProperties;
    private final Map<Ocpp16Action, Schema> requests = new EnumMap<>(Ocpp16Action.class);
    private final Map<Ocpp16Action, Schema> responses = new EnumMap<>(Ocpp16Action.class);

    /** Strict schemas, as the contract requires by default: unknown properties are rejected. */
    public Ocpp16Schemas() {
        this(true);
    }

    /**
     * @param rejectUnknownProperties {@code true} to reject properties a schema does not define
     *     (the 1.6 errata §3.2 behaviour), {@code false} to ignore them
     */
    public Ocpp16Schemas(boolean rejectUnknownProperties) {
        this.rejectUnknownProperties = rejectUnknownProperties;
        JsonMapper mapper = JsonMapper.builder().build();
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_PATH)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4,
                builder -> builder.schemaRegistryConfig(config));
        for (Ocpp16Action action : Ocpp16Action.values()) {
            requests.put(action, load(registry, mapper, action.schemaName() + ".json"));
            responses.put(action, load(registry, mapper, action.schemaName() + "Response.json"));
        }
    }

    /** Whether properties the schemas do not define are rejected. */
    public boolean rejectsUnknownProperties() {
        return rejectUnknownProperties;
    }

    /** Checks the payload of a CALL for {@code action}; empty when it conforms. */
    public Optional<PayloadViolation> validateRequest(Ocpp16Action action, JsonNode payload) {
        return validate(requests.get(Objects.requireNonNull(action, "action")), payload);
    }

    /** Checks the payload of a CALLRESULT answering {@code action}; empty when it conforms. */
    public Optional<PayloadViolation> validateResponse(Ocpp16Action action, JsonNode payload) {
        return validate(responses.get(Objects.requireNonNull(action, "action")), payload);
    }

    private static Optional<PayloadViolation> validate(Schema schema, JsonNode payload) {
        Objects.requireNonNull(payload, "payload");
        List<com.networknt.schema.Error> errors = schema.validate(payload);
        if (errors.isEmpty()) {
            return Optional.empty();
        }
        return errors.stream()
                .map(Ocpp16Schemas::classify)
                .min(PRIORITY)
                .map(f -> new PayloadViolation(f.code(), f.description()));
    }

    private Schema load(SchemaRegistry registry, JsonMapper mapper, String file) {
        String resource = RESOURCE_DIR + file;
        ClassLoader loader = Ocpp16Schemas.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("OCPP 1.6 schema missing from the class path: " + resource);
            }
            JsonNode node = mapper.readTree(in);
            if (!rejectUnknownProperties) {
                stripAdditionalProperties(node);
            }
            Schema schema = registry.getSchema(node);
            schema.initializeValidators(); // compile now, not on the first message
            return schema;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read OCPP 1.6 schema " + resource, e);
        }
    }

    private static void stripAdditionalProperties(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("additionalProperties");
        }
        for (JsonNode child : node) {
            stripAdditionalProperties(child);
        }
    }

    private static Found classify(com.networknt.schema.Error error) {
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        String path = error.getInstanceLocation() == null ? "$" : error.getInstanceLocation().toString();
        Object[] args = error.getArguments();
        return switch (keyword) {
            case "type" -> new Found(RpcErrorCode.TYPE_CONSTRAINT_VIOLATION, path, keyword,
                    path + ": expected " + text(error.getSchemaNode()) + ", found " + arg(args, 0));
            case "required" -> new Found(RpcErrorCode.OCCURRENCE_CONSTRAINT_VIOLATION,
                    path + "." + error.getProperty(), keyword,
                    path + "." + error.getProperty() + ": required property missing");
            case "minItems", "maxItems" -> new Found(RpcErrorCode.OCCURRENCE_CONSTRAINT_VIOLATION, path, keyword,
                    path + ": " + error.getMessage());
            case "additionalProperties" -> new Found(RpcErrorCode.FORMAT_VIOLATION,
                    path + "." + error.getProperty(), keyword,
                    path + "." + error.getProperty() + ": property not defined by the schema");
            case "enum" -> new Found(RpcErrorCode.PROPERTY_CONSTRAINT_VIOLATION, path, keyword,
                    path + ": value is not one of the allowed values");
            case "maxLength" -> new Found(RpcErrorCode.PROPERTY_CONSTRAINT_VIOLATION, path, keyword,
                    path + ": longer than " + text(error.getSchemaNode()) + " characters");
            case "format" -> new Found(RpcErrorCode.PROPERTY_CONSTRAINT_VIOLATION, path, keyword,
                    path + ": not a valid " + text(error.getSchemaNode()));
            case "minLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
                    "pattern" -> new Found(RpcErrorCode.PROPERTY_CONSTRAINT_VIOLATION, path, keyword,
                    path + ": " + error.getMessage());
            default -> new Found(RpcErrorCode.FORMAT_VIOLATION, path, keyword, path + ": " + error.getMessage());
        };
    }

    private static String text(JsonNode node) {
        if (node == null) {
            return "?";
        }
        return node.isString() ? node.stringValue() : node.toString();
    }

    private static String arg(Object[] args, int i) {
        return args != null && args.length > i ? String.valueOf(args[i]) : "?";
    }

    /** Lower is reported first; see the class comment. */
    private static int rank(RpcErrorCode code) {
        return switch (code) {
            case TYPE_CONSTRAINT_VIOLATION -> 0;
            case OCCURRENCE_CONSTRAINT_VIOLATION -> 1;
            case FORMAT_VIOLATION -> 2;
            case PROPERTY_CONSTRAINT_VIOLATION -> 3;
            default -> 4;
        };
    }

    private record Found(RpcErrorCode code, String path, String keyword, String description) {
    }
}
