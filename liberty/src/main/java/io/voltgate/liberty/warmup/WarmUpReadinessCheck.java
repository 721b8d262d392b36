package io.voltgate.liberty.warmup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** DOWN while the instance warms itself up ({@link WarmUp}); then UP for good. */
@Readiness
@ApplicationScoped
public class WarmUpReadinessCheck implements HealthCheck {

  static final String NAME = "warm-up";

  @Inject WarmUp warmUp;

  @Override
  public HealthCheckResponse call() {
    WarmUp.Progress p = warmUp.progress();
    return HealthCheckResponse.named(NAME)
        .status(p.done())
        .withData("requests", p.sent())
        .withData("unexpected", p.unexpected())
        .withData("ocppAnswered", p.ocppAnswered())
        .withData("ocppUnexpected", p.ocppUnexpected())
        .withData("millis", p.millis())
        .build();
  }
}
