package dev.engranaje.workers.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * File names for saved attachments: read from Content-Disposition {@code filename} or Content-Type
 * {@code name} (RFC 2231 parameters and RFC 2047 encoded-words, also where mailers put them
 * against the rules), then made safe — no directories, no {@code ..}, no control or reserved
 * characters, no device names, bounded length — and unique within one message ({@code a.pdf},
 * {@code a (2).pdf}). A sender chooses these names, so none of them is trusted.
 *
 * <p>Not thread-safe: one instance per message.
 */
final class AttachmentNames {
  private static final int MAX_LENGTH = 120;
  private static final Pattern RESERVED = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?");
  private static final Pattern EXTENDED = Pattern.compile("(?i)^([^']*)'[^']*'(.*)$");

  private final Set<String> used = new HashSet<>();

  /** The name the sender gave the part, decoded, or null. Never throws. */
  static String declared(Part part) {
    String fromDisposition = parameter(header(part, "Content-Disposition"), "filename", true);
    if (fromDisposition != null && !fromDisposition.isBlank()) {
      return fromDisposition;
    }
    String fromType = parameter(header(part, "Content-Type"), "name", false);
    return fromType == null || fromType.isBlank() ? null : fromType;
  }

  /** A safe form of {@code name}, or null when nothing usable is left. */
  static String safe(String name) {
    if (name == null) {
      return null;
    }
    String base = Normalizer.normalize(name, Normalizer.Form.NFC);
    base = base.substring(Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\')) + 1);
    StringBuilder clean = new StringBuilder(base.length());
    base.codePoints().forEach(c -> clean.appendCodePoint(
        Character.isISOControl(c) || "<>:\"|?*".indexOf(c) >= 0 || Character.getType(c) == Character.FORMAT ? '_' : c));
    String result = clean.toString().strip();
    result = result.replaceAll("^[.\\s]+", "").replaceAll("[.\\s]+$", "");
    if (result.isEmpty()) {
      return null;
    }
    if (RESERVED.matcher(result).matches()) {
      result = "_" + result;
    }
    return shorten(result);
  }

  /** {@code name} if unused in this message, otherwise {@code name (2)}, {@code name (3)}, ... */
  String unique(String name) {
    String candidate = name;
    for (int n = 2; !used.add(candidate.toLowerCase(Locale.ROOT)); n++) {
      int dot = name.lastIndexOf('.');
      candidate = dot > 0 ? name.substring(0, dot) + " (" + n + ")" + name.substring(dot) : name + " (" + n + ")";
    }
    return candidate;
  }

  private static String shorten(String name) {
    if (name.length() <= MAX_LENGTH) {
      return name;
    }
    int dot = name.lastIndexOf('.');
    String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
    return name.substring(0, MAX_LENGTH - extension.length()).strip() + extension;
  }

  private static String header(Part part, String name) {
    try {
      String[] values = part.getHeader(name);
      return values == null || values.length == 0 ? null : MimeUtility.unfold(values[0]);
    } catch (MessagingException e) {
      return null;
    }
  }

  private static String parameter(String header, String name, boolean disposition) {
    if (header == null) {
      return null;
    }
    String value;
    try {
      value = disposition ? new ContentDisposition(header).getParameter(name) : new ContentType(header).getParameter(name);
    } catch (ParseException | RuntimeException strictParseFailed) {
      value = lenient(header, name);
    }
    return value == null ? null : decodeWords(value);
  }

  // Some mailers write encoded-words unquoted (name==?koi8-r?B?...?=), which strict MIME parsing
  // rejects; take everything up to the next ';' instead.
  private static String lenient(String header, String name) {
    Matcher extended = Pattern.compile("(?i)(?:^|;)\\s*" + name + "\\*=\\s*([^;]*)").matcher(header);
    if (extended.find()) {
      Matcher parts = EXTENDED.matcher(extended.group(1).strip());
      if (parts.matches()) {
        Charset charset = charset(parts.group(1));
        return URLDecoder.decode(parts.group(2).replace("+", "%2B"), charset);
      }
    }
    Matcher plain = Pattern.compile("(?i)(?:^|;)\\s*" + name + "\\s*=\\s*(\"([^\"]*)\"|[^;]*)").matcher(header);
    if (!plain.find()) {
      return null;
    }
    return plain.group(2) != null ? plain.group(2) : plain.group(1).strip();
  }

  private static Charset charset(String name) {
    try {
      return name.isBlank() ? StandardCharsets.UTF_8 : Charset.forName(name.strip());
    } catch (RuntimeException unknown) {
      return StandardCharsets.UTF_8;
    }
  }

  private static String decodeWords(String value) {
    if (!value.contains("=?")) {
      return value;
    }
    try {
      return MimeUtility.decodeText(value);
    } catch (UnsupportedEncodingException | RuntimeException unknownCharset) {
      return value;
    }
  }
}
