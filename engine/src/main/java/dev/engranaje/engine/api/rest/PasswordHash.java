package dev.engranaje.engine.api.rest;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A salted PBKDF2WithHmacSHA256 password hash, stored as {@code pbkdf2-sha256$ITERATIONS$SALT$HASH}
 * (salt and hash in Base64), so the iteration count can rise without invalidating old lines.
 */
public record PasswordHash(int iterations, byte[] salt, byte[] hash) {

  static final String PREFIX = "pbkdf2-sha256";
  /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
  public static final int DEFAULT_ITERATIONS = 600_000;
  private static final int KEY_BITS = 256;

  /** A new hash of {@code password} with a random salt. */
  public static PasswordHash of(char[] password) {
    return of(password, DEFAULT_ITERATIONS);
  }

  /** A new hash with {@code iterations} (fewer only in tests, to keep them quick). */
  static PasswordHash of(char[] password, int iterations) {
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    return new PasswordHash(iterations, salt, derive(password, salt, iterations));
  }

  /** Parses the stored form; the message names what is wrong, never the value. */
  public static PasswordHash parse(String stored) {
    String[] parts = stored == null ? new String[0] : stored.split("\\$", -1);
    if (parts.length != 4 || !parts[0].equals(PREFIX)) {
      throw new IllegalArgumentException("Expected a password hash like " + PREFIX
          + "$ITERATIONS$SALT$HASH (from 'rpa users hash-password'), but got something else");
    }
    try {
      int iterations = Integer.parseInt(parts[1]);
      if (iterations < 1) {
        throw new IllegalArgumentException("Expected a positive iteration count in the password hash");
      }
      Base64.Decoder base64 = Base64.getDecoder();
      return new PasswordHash(iterations, base64.decode(parts[2]), base64.decode(parts[3]));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Expected a password hash like " + PREFIX
          + "$ITERATIONS$SALT$HASH with a number and Base64 parts, but " + e.getMessage(), e);
    }
  }

  /** Whether {@code password} is the hashed one; compares in constant time. */
  public boolean matches(char[] password) {
    return MessageDigest.isEqual(hash, derive(password, salt, iterations));
  }

  /** The stored form. */
  public String format() {
    Base64.Encoder base64 = Base64.getEncoder();
    return PREFIX + "$" + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, KEY_BITS);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The JDK lacks PBKDF2WithHmacSHA256", e);
    } finally {
      spec.clearPassword();
    }
  }

  @Override
  public String toString() {
    return "PasswordHash[" + PREFIX + ", iterations=" + iterations + "]";
  }
}
