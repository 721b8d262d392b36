package io.voltgate.chargermgmt.ocpp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This instance's name, recorded with every session it holds ({@code station.instance_id}).
 * Stable across restarts by default (the host name), so a restarted instance can clear the
 * session markers its previous life left behind.
 */
@ApplicationScoped
public class InstanceIdentity {

  @Inject
  @ConfigProperty(name = "voltgate.instance.id")
  Optional<String> configured;

  private String id;

  public synchronized String id() {
    if (id == null) {
      id = configured.filter(s -> !s.isBlank()).orElseGet(InstanceIdentity::hostName);
      if (id.length() > 64) {
        id = id.substring(0, 64);
      }
    }
    return id;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "voltgate";
    }
  }
}
