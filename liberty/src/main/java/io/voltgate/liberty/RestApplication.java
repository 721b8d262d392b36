package io.voltgate.liberty;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The REST API root: every operator and app resource lives under {@code /api/v1} (CONTRACT §2). */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(info = @Info(title = "Voltgate CSMS API", version = "1"))
public class RestApplication extends Application {}
