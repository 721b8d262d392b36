package io.voltgate.liberty.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;

/**
 * Operator accounts ({@code name -> pbkdf2 hash}) and the check of a name and password against
 * them. The PBKDF2 check is slow by design, so after one success the account's SHA-256 of the
 * password is remembered (in memory only) and later requests compare against that.
 *
 * <p>One slow check per account at a time: requests of an account arriving while its first check
 * runs wait for that check instead of each starting their own. On a fresh instance the operator's
 * first requests used to arrive together and run 210,000-iteration checks side by side, a core
 * each (upgrade scenario: the admin probe's first requests at the new instance took 0.5-0.8 s,
 * and searches behind them waited 0.3-0.5 s). It also caps what a stream of wrong passwords for
 * one account can burn at one core.
 */
final class OperatorCredentials {

  private final Map<String, String> hashes;
  private final BiPredicate<String, String> slowCheck;
  private final Map<String, byte[]> verified = new ConcurrentHashMap<>();
  private final Map<String, Object> checking = new ConcurrentHashMap<>();

  /** {@code slowCheck(storedHash, password)}: the real PBKDF2 comparison. */
  OperatorCredentials(Map<String, String> hashes, BiPredicate<String, String> slowCheck) {
    this.hashes = Map.copyOf(hashes);
    this.slowCheck = slowCheck;
  }

  boolean authenticate(String user, String password) {
    String stored = hashes.get(user);
    if (stored == null) {
      return false;
    }
    byte[] digest = sha256(stored + '\u0000' + password);
    if (remembered(user, digest)) {
      return true;
    }
    // accounts are the configured ones only, so this map stays as small as the account list
    synchronized (checking.computeIfAbsent(user, u -> new Object())) {
      if (remembered(user, digest)) {
        return true; // checked by the request this one waited for
      }
      if (slowCheck.test(stored, password)) {
        verified.put(user, digest);
        return true;
      }
      return false;
    }
  }

  private boolean remembered(String user, byte[] digest) {
    byte[] known = verified.get(user);
    return known != null && MessageDigest.isEqual(known, digest);
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
