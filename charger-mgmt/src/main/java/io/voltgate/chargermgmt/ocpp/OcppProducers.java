package io.voltgate.chargermgmt.ocpp;

import io.voltgate.chargermgmt.ocpp.frame.FrameCodec;
import io.voltgate.chargermgmt.ocpp.v16.Ocpp16Schemas;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** One shared codec and one compiled set of 1.6 schemas per application. */
@ApplicationScoped
public class OcppProducers {

  @Produces
  @Singleton
  FrameCodec frameCodec() {
    return new FrameCodec();
  }

  @Produces
  @Singleton
  Ocpp16Schemas ocpp16Schemas(
      @ConfigProperty(name = "voltgate.ocpp.allow-unknown-properties", defaultValue = "false")
          boolean allowUnknownProperties) {
    return new Ocpp16Schemas(!allowUnknownProperties);
  }
}
