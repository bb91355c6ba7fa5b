package dev.engranaje.workers.finance.statement;

import dev.engranaje.workers.finance.statement.camt.CamtParser;
import dev.engranaje.workers.finance.statement.export.ExportParser;
import dev.engranaje.workers.finance.statement.export.ExportProfile;
import dev.engranaje.workers.finance.statement.mt940.Mt86Profile;
import dev.engranaje.workers.finance.statement.mt940.Mt940Parser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Reads one delivered statement file into the normalised model, whatever its format.
 *
 * <p>Formats:
 * <ul>
 *   <li>{@code auto} (also {@code null} or blank): ISO 20022 XML when the first non-blank character
 *       is {@code <}, otherwise SWIFT MT940/MT942;
 *   <li>{@code camt}: camt.052, camt.053 or camt.054, any version, told apart by the document's
 *       namespace and validated against the bundled official XSD of that namespace;
 *   <li>{@code mt940} or {@code mt940:OPTIONS}: MT940/MT942, {@code :86:} read with the named
 *       {@link Mt86Profile} ({@code auto} by default: chosen per field); OPTIONS is a profile name
 *       ({@code mt940:german}) or {@code profile=NAME,encoding=CHARSET} (the encoding used when the
 *       file is not valid UTF-8, default ISO-8859-1; e.g. {@code encoding=IBM852});
 *   <li>{@code csv:PROFILE} or {@code xlsx:PROFILE}: a bank's CSV or xlsx export read through a
 *       YAML {@link ExportProfile}; PROFILE is the path of the YAML file (a missing or invalid
 *       profile throws {@link IllegalArgumentException} naming it and the key).
 * </ul>
 * Stateless and thread-safe; checks (balances, duplicates) are separate: {@link BalanceCheck},
 * {@link DeliveryRegistry}.
 */
public final class StatementReader {
  static final String UNKNOWN_FORMAT =
      "Expected format auto, camt, mt940[:OPTIONS], csv:PROFILE or xlsx:PROFILE, but got '%s'";
  static final String EMPTY = "Expected a bank statement, but the file is empty";
  static final String CANNOT_READ = "Expected to read the file, but %s";
  private static final int SNIFF_BYTES = 4096;

  /**
   * Reads {@code file}.
   *
   * @param file the file
   * @param source its name for messages (e.g. the workspace reference)
   * @param format {@code auto|camt|mt940[:PROFILE]|csv:PROFILE|xlsx:PROFILE}
   * @throws StatementException when the file is not a readable statement of that format; the
   *     message names {@code source} and the position
   */
  public StatementFile read(Path file, String source, String format) throws StatementException {
    String name = source == null ? file.getFileName().toString() : source;
    String sha256 = sha256(file, name);
    String chosen = format == null || format.isBlank() ? "auto" : format.trim();
    String kind = chosen.contains(":") ? chosen.substring(0, chosen.indexOf(':')) : chosen;
    String argument = chosen.contains(":") ? chosen.substring(chosen.indexOf(':') + 1).trim() : "";
    switch (kind.toLowerCase(Locale.ROOT)) {
      case "auto":
        return sniffXml(file, name) ? CamtParser.parse(file, name, sha256) : mt940(file, name, sha256, "");
      case "camt":
        return CamtParser.parse(file, name, sha256);
      case "mt940":
      case "mt942":
        return mt940(file, name, sha256, argument);
      case "csv":
      case "xlsx":
        if (argument.isEmpty()) {
          throw new IllegalArgumentException(String.format(UNKNOWN_FORMAT, chosen));
        }
        return ExportParser.parse(file, name, sha256, kind.toLowerCase(Locale.ROOT),
            ExportProfile.load(Path.of(argument)));
      default:
        throw new IllegalArgumentException(String.format(UNKNOWN_FORMAT, chosen));
    }
  }

  // mt940 options: "german", or "profile=german,encoding=IBM852"
  private static StatementFile mt940(Path file, String name, String sha256, String options) throws StatementException {
    String profile = "auto";
    java.nio.charset.Charset fallback = java.nio.charset.StandardCharsets.ISO_8859_1;
    for (String option : options.split(",")) {
      String o = option.trim();
      if (o.isEmpty()) {
        continue;
      }
      if (o.toLowerCase(Locale.ROOT).startsWith("encoding=")) {
        fallback = Mt940Parser.charset(o.substring("encoding=".length()));
      } else if (o.toLowerCase(Locale.ROOT).startsWith("profile=")) {
        profile = o.substring("profile=".length());
      } else {
        profile = o;
      }
    }
    return Mt940Parser.parse(file, name, sha256, Mt86Profile.named(profile), fallback);
  }

  private static boolean sniffXml(Path file, String source) throws StatementException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(SNIFF_BYTES);
    } catch (IOException e) {
      throw new StatementException(source, null, String.format(CANNOT_READ, e.getMessage()), e);
    }
    int i = 0;
    if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
      i = 3;
    }
    while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
      i++;
    }
    if (i >= head.length) {
      throw new StatementException(source, "line 1", EMPTY);
    }
    return head[i] == '<';
  }

  private static String sha256(Path file, String source) throws StatementException {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (IOException e) {
      throw new StatementException(source, null, String.format(CANNOT_READ, e.getMessage()), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Expected the JVM to provide SHA-256, but it does not", e);
    }
  }
}
