package dev.engranaje.workers.files;

import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.JobType;
import dev.engranaje.workers.api.JobWorker;
import dev.engranaje.workers.api.TechnicalFailure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * {@code rpa:files.checksum:1}: the SHA-256 (default), SHA-512, SHA-1 or MD5 digest of a workspace
 * file as lower-case hex; with {@code expected}, a different digest is the {@value #MISMATCH_CODE}
 * BPMN error. MD5 and SHA-1 are for matching what a partner publishes, not for security. Stateless.
 */
@JobType("rpa:files.checksum:1")
public final class ComputeChecksumWorker implements JobWorker<ComputeChecksumWorker.Input, ComputeChecksumWorker.Checksum> {
  static final String MISMATCH_CODE = "CHECKSUM_MISMATCH";
  static final String MISMATCH = "Expected %s of '%s' to be %s, but it is %s; the file may be incomplete or altered";
  static final String UNKNOWN_ALGORITHM = "Expected 'algorithm' to be one of %s, but got '%s'";
  static final String NOT_A_FILE = "Expected '%s' to be a file, but it is a directory; check 'path'";
  private static final Map<String, String> ALGORITHMS = Map.of(
      "SHA256", "SHA-256", "SHA512", "SHA-512", "SHA1", "SHA-1", "MD5", "MD5");

  /**
   * @param path the file
   * @param algorithm SHA-256 (default), SHA-512, SHA-1 or MD5
   * @param expected a hex digest to compare with (case-insensitive), optional
   */
  public record Input(String path, String algorithm, String expected) {}

  /** The digest and the file's size. */
  public record Checksum(String path, String algorithm, String checksum, long size) {}

  @Override
  public Class<Input> inputType() {
    return Input.class;
  }

  @Override
  public Checksum handle(Input input, JobContext context) throws Exception {
    String algorithm = algorithm(input.algorithm());
    Path file = Locations.existing(context.workspace(), input.path(), "path");
    if (Files.isDirectory(file)) {
      throw TechnicalFailure.permanent(String.format(NOT_A_FILE, input.path()));
    }
    String hex;
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest(algorithm))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      hex = HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (IOException e) {
      throw TechnicalFailure.retryable("Expected to read '" + input.path() + "', but " + e.getMessage(), e);
    }
    if (input.expected() != null && !input.expected().isBlank() && !input.expected().trim().equalsIgnoreCase(hex)) {
      throw new BusinessError(MISMATCH_CODE, String.format(MISMATCH, algorithm, input.path(), input.expected().trim(), hex),
          Map.of("checksum", hex));
    }
    return new Checksum(context.workspace().reference(file), algorithm, hex, Files.size(file));
  }

  private static String algorithm(String given) throws TechnicalFailure {
    if (given == null || given.isBlank()) {
      return "SHA-256";
    }
    String name = ALGORITHMS.get(given.trim().toUpperCase(Locale.ROOT).replace("-", "").replace("_", ""));
    if (name == null) {
      throw TechnicalFailure.permanent(String.format(UNKNOWN_ALGORITHM, new java.util.TreeSet<>(ALGORITHMS.values()), given));
    }
    return name;
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Expected the JVM to provide " + algorithm + ", but it does not", e);
    }
  }
}
