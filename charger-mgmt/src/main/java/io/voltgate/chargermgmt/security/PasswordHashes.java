package io.voltgate.chargermgmt.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted password hashes; passwords themselves are never stored (CONTRACT §1, OCPP 1.6 security
 * whitepaper A01.FR.08). Two schemes, chosen by what the secret is:
 *
 * <ul>
 *   <li>{@code sha256$salt$hash} for station AuthorizationKeys. The whitepaper requires them to
 *       be at least 16 bytes and randomly generated (A00.FR.205), which the station API
 *       enforces; a deliberately slow hash adds nothing against such entropy but would cost
 *       milliseconds of CPU on every one of 30,000 handshakes in a reconnect storm.
 *   <li>{@code pbkdf2-sha256$iterations$salt$hash} for operator passwords chosen by people.
 * </ul>
 *
 * Verification compares in constant time.
 */
public final class PasswordHashes {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();
  private static final int SALT_BYTES = 16;
  public static final int OPERATOR_ITERATIONS = 210_000;

  private PasswordHashes() {}

  /** Hash for a high-entropy machine secret (station AuthorizationKey). */
  public static String hashStationKey(String secret) {
    byte[] salt = salt();
    return "sha256$" + B64.encodeToString(salt) + "$" + B64.encodeToString(sha256(salt, secret));
  }

  /** Hash for a password chosen by a person (operator accounts). */
  public static String hashOperatorPassword(String password) {
    byte[] salt = salt();
    return "pbkdf2-sha256$"
        + OPERATOR_ITERATIONS
        + "$"
        + B64.encodeToString(salt)
        + "$"
        + B64.encodeToString(pbkdf2(password, salt, OPERATOR_ITERATIONS));
  }

  /** Whether {@code candidate} matches {@code stored} (either scheme); false for malformed input. */
  public static boolean matches(String stored, String candidate) {
    if (stored == null || candidate == null) {
      return false;
    }
    String[] parts = stored.split("\\$");
    try {
      if (parts.length == 3 && parts[0].equals("sha256")) {
        byte[] salt = B64D.decode(parts[1]);
        return MessageDigest.isEqual(B64D.decode(parts[2]), sha256(salt, candidate));
      }
      if (parts.length == 4 && parts[0].equals("pbkdf2-sha256")) {
        int iterations = Integer.parseInt(parts[1]);
        byte[] salt = B64D.decode(parts[2]);
        return MessageDigest.isEqual(B64D.decode(parts[3]), pbkdf2(candidate, salt, iterations));
      }
    } catch (IllegalArgumentException e) {
      return false;
    }
    return false;
  }

  private static byte[] salt() {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    return salt;
  }

  private static byte[] sha256(byte[] salt, String secret) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(salt);
      return md.digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
    try {
      PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Prints the operator hash of the argument, for {@code voltgate.admin.users}. */
  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: PasswordHashes <password>");
      System.exit(2);
    }
    System.out.println(hashOperatorPassword(args[0]));
  }
}
