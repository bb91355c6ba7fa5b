package dev.engranaje.workers.mail;

import dev.engranaje.workers.workspace.Workspace;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePartDataSource;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one received message into files: its text and HTML bodies (decoded to UTF-8) and every
 * attachment — parts with a disposition or a name, inline parts, parts without any
 * Content-Disposition, a message that is a single non-text part (a PDF as the whole body), and the
 * attachments inside forwarded messages (message/rfc822, which is also saved whole as {@code .eml}).
 * Broken mail is the norm: a part that cannot be read as declared is noted in the warnings and the
 * rest is read; lying or missing charsets fall back to UTF-8 or Windows-1252.
 *
 * <p>Thread-safe; each {@link #read} call has its own state.
 */
final class MessageReader {
  static final int SNIPPET_LENGTH = 200;
  static final String UNREADABLE_PART =
      "Expected part %s (%s) to be readable, but %s; the original message keeps it as sent";
  static final String EMPTY_MULTIPART = "Expected part %s (%s) to contain parts, but it has none";
  static final String RAW_SAVED =
      "Expected attachment '%s' to decode as declared, but %s; it was saved as sent (still encoded)";
  private static final Pattern ENCODED_WORD = Pattern.compile("=\\?[^?\\s]+\\?[bBqQ]\\?[^?\\s]*\\?=");
  private static final Charset FALLBACK = Charset.forName("windows-1252");
  private static final Map<String, String> EXTENSIONS = Map.ofEntries(
      Map.entry("application/pdf", ".pdf"), Map.entry("image/png", ".png"), Map.entry("image/jpeg", ".jpg"),
      Map.entry("image/gif", ".gif"), Map.entry("text/plain", ".txt"), Map.entry("text/html", ".html"),
      Map.entry("text/csv", ".csv"), Map.entry("text/xml", ".xml"), Map.entry("application/xml", ".xml"),
      Map.entry("application/zip", ".zip"), Map.entry("message/rfc822", ".eml"), Map.entry("text/calendar", ".ics"),
      Map.entry("message/delivery-status", ".txt"), Map.entry("text/rfc822-headers", ".txt"),
      Map.entry("message/rfc822-headers", ".txt"), Map.entry("application/pgp-signature", ".asc"));

  private final Session session;
  private final Workspace workspace;

  MessageReader(Session session, Workspace workspace) {
    this.session = session;
    this.workspace = workspace;
  }

  /** What was read; file references are relative to the workspace. */
  record ReadMail(String messageId, String from, List<String> to, String subject, Instant date, String snippet,
      String textBody, String htmlBody, List<MailAttachment> attachments, List<String> warnings) {}

  /** Parses {@code eml} and writes the bodies and attachments under {@code directory}. */
  ReadMail read(Path eml, Path directory) throws IOException, MessagingException {
    try (InputStream in = Files.newInputStream(eml)) {
      MimeMessage message = new MimeMessage(session, in);
      Walk walk = new Walk(directory.resolve("attachments"));
      walk.part(message, 0, "1");
      String text = walk.text.isEmpty() ? null : walk.text.toString();
      String html = walk.html.isEmpty() ? null : walk.html.toString();
      List<String> from = addresses(message, "From");
      return new ReadMail(header(message::getMessageID), from.isEmpty() ? null : String.join(", ", from),
          addresses(message, "To"), encodedWords(header(message::getSubject)), sentDate(message), snippet(text, html),
          write(directory.resolve("body.txt"), text), write(directory.resolve("body.html"), html),
          walk.attachments, walk.warnings);
    }
  }

  private String write(Path file, String content) throws IOException {
    if (content == null) {
      return null;
    }
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return workspace.reference(file);
  }

  /** The state of reading one message. */
  private final class Walk {
    final StringBuilder text = new StringBuilder();
    final StringBuilder html = new StringBuilder();
    final List<MailAttachment> attachments = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    final AttachmentNames names = new AttachmentNames();
    final Path directory;
    int generated;

    Walk(Path directory) {
      this.directory = directory;
    }

    void part(Part part, int depth, String position) {
      String type = baseType(part);
      try {
        if (type.startsWith("multipart/")) {
          multipart(part, type, depth, position);
        } else if (type.equals("message/rfc822")) {
          forwarded(part, depth, position);
        } else {
          leaf(part, type, depth);
        }
      } catch (MessagingException | IOException | RuntimeException unreadable) {
        warnings.add(String.format(UNREADABLE_PART, position, type, MailFailures.reason(unreadable)));
      }
    }

    private void multipart(Part part, String type, int depth, String position) throws MessagingException, IOException {
      Object content = part.getContent();
      Multipart multipart = content instanceof Multipart parsed ? parsed
          : new MimeMultipart(new MimePartDataSource((jakarta.mail.internet.MimePart) part));
      int count = multipart.getCount();
      if (count == 0) {
        warnings.add(String.format(EMPTY_MULTIPART, position, type));
      }
      for (int i = 0; i < count; i++) {
        part(multipart.getBodyPart(i), depth, position + "." + (i + 1));
      }
    }

    private void forwarded(Part part, int depth, String position) throws MessagingException, IOException {
      byte[] bytes = forwardedBytes(part);
      String name = AttachmentNames.safe(AttachmentNames.declared(part));
      if (name == null) {
        MimeMessage probe = new MimeMessage(session, new ByteArrayInputStream(bytes));
        name = AttachmentNames.safe(header(probe::getSubject));
      }
      if (name != null && !name.toLowerCase(Locale.ROOT).endsWith(".eml")) {
        name = name + ".eml";
      }
      save(new ByteArrayInputStream(bytes), name, "message/rfc822", depth, isInline(part));
      part(new MimeMessage(session, new ByteArrayInputStream(bytes)), depth + 1, position);
    }

    private void leaf(Part part, String type, int depth) throws MessagingException, IOException {
      String declared = AttachmentNames.declared(part);
      String disposition = disposition(part);
      boolean textual = type.equals("text/plain") || type.equals("text/html");
      if (textual && declared == null && !"attachment".equals(disposition)) {
        if (depth == 0) {
          StringBuilder target = type.equals("text/plain") ? text : html;
          // mail text travels with CRLF; the saved body uses plain line feeds
          target.append(target.isEmpty() ? "" : "\n").append(decode(bytes(part), charsetOf(part)).replace("\r\n", "\n"));
        }
        return; // the text of a forwarded message stays in its .eml
      }
      String name = AttachmentNames.safe(declared);
      Path file = target(name, type);
      long size;
      try (InputStream in = part.getInputStream()) {
        size = Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException undecodable) {
        warnings.add(String.format(RAW_SAVED, file.getFileName(), MailFailures.reason(undecodable)));
        try (InputStream raw = raw(part, undecodable)) {
          size = Files.copy(raw, file, StandardCopyOption.REPLACE_EXISTING);
        }
      }
      attachments.add(new MailAttachment(file.getFileName().toString(), workspace.reference(file), type, size,
          "inline".equals(disposition), depth));
    }

    private void save(InputStream content, String name, String type, int depth, boolean inline) throws IOException {
      Path file = target(name, type);
      long size = Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
      attachments.add(new MailAttachment(file.getFileName().toString(), workspace.reference(file), type, size, inline, depth));
    }

    private Path target(String name, String type) throws IOException {
      String fileName = names.unique(name != null ? name : "part-" + ++generated + EXTENSIONS.getOrDefault(type, ".bin"));
      Files.createDirectories(directory);
      Path file = directory.resolve(fileName);
      if (!directory.equals(file.normalize().getParent())) {
        throw new IOException("Expected a file name without directories, but got '" + fileName + "'");
      }
      return file;
    }
  }

  // RFC 2046 allows only 7bit, 8bit or binary on message/rfc822, so Jakarta Mail ignores any other
  // transfer encoding there; mailers still send base64-encoded forwarded messages, so decode them here.
  private static byte[] forwardedBytes(Part part) throws MessagingException, IOException {
    String[] encoding = part.getHeader("Content-Transfer-Encoding");
    String name = encoding == null ? "" : encoding[0].strip().toLowerCase(Locale.ROOT);
    if (name.equals("base64") || name.equals("quoted-printable")) {
      try (InputStream decoded = MimeUtility.decode(raw(part, new IOException("no raw content")), name)) {
        return decoded.readAllBytes();
      }
    }
    try (InputStream in = part.getInputStream()) {
      return in.readAllBytes();
    }
  }

  private static InputStream raw(Part part, IOException undecodable) throws IOException, MessagingException {
    if (part instanceof MimeBodyPart body) {
      return body.getRawInputStream();
    }
    if (part instanceof MimeMessage message) {
      return message.getRawInputStream();
    }
    throw undecodable;
  }

  private static String baseType(Part part) {
    try {
      String header = part.getContentType();
      return header == null ? "text/plain" : new ContentType(header).getBaseType().toLowerCase(Locale.ROOT);
    } catch (MessagingException | RuntimeException unparseable) {
      return "application/octet-stream";
    }
  }

  private static String disposition(Part part) {
    try {
      String[] header = part.getHeader("Content-Disposition");
      return header == null ? null : new ContentDisposition(header[0]).getDisposition().toLowerCase(Locale.ROOT);
    } catch (MessagingException | RuntimeException unparseable) {
      return null;
    }
  }

  private static boolean isInline(Part part) {
    return "inline".equals(disposition(part));
  }

  private static String charsetOf(Part part) {
    try {
      return new ContentType(part.getContentType()).getParameter("charset");
    } catch (MessagingException | RuntimeException unparseable) {
      return null;
    }
  }

  private static byte[] bytes(Part part) throws MessagingException, IOException {
    try (InputStream in = part.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException undecodable) {
      try (InputStream raw = raw(part, undecodable)) {
        return raw.readAllBytes();
      }
    }
  }

  /** Valid UTF-8 wins (labels lie); else the declared charset; else Windows-1252. */
  static String decode(byte[] bytes, String declared) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException notUtf8) {
      Charset charset = FALLBACK;
      try {
        Charset named = declared == null ? null : Charset.forName(MimeUtility.javaCharset(declared.strip()));
        if (named != null && !named.equals(StandardCharsets.US_ASCII)) {
          charset = named;
        }
      } catch (RuntimeException unknown) {
        // keep the fallback
      }
      return new String(bytes, charset);
    }
  }

  static String snippet(String text, String html) {
    String source = text != null ? text
        : html == null ? "" : html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ").replaceAll("(?s)<[^>]*>", " ")
            .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    String collapsed = source.replaceAll("\\s+", " ").strip();
    return collapsed.length() <= SNIPPET_LENGTH ? collapsed : collapsed.substring(0, SNIPPET_LENGTH);
  }

  private static List<String> addresses(MimeMessage message, String name) {
    try {
      String raw = message.getHeader(name, ",");
      if (raw == null || raw.isBlank()) {
        return List.of();
      }
      try {
        return Arrays.stream(InternetAddress.parseHeader(raw, false)).map(InternetAddress::toUnicodeString).toList();
      } catch (AddressException unparseable) {
        return List.of(decodeHeader(raw));
      }
    } catch (MessagingException unreadable) {
      return List.of();
    }
  }

  private static String decodeHeader(String raw) {
    try {
      return MimeUtility.decodeText(MimeUtility.unfold(raw)).strip();
    } catch (IOException | RuntimeException undecodable) {
      return raw.strip();
    }
  }

  /** Decodes encoded-words that strict decoding left alone because they touch other text. */
  static String encodedWords(String text) {
    if (text == null || !text.contains("=?")) {
      return text;
    }
    Matcher words = ENCODED_WORD.matcher(text);
    StringBuilder out = new StringBuilder();
    while (words.find()) {
      String decoded;
      try {
        decoded = MimeUtility.decodeWord(words.group());
      } catch (IOException | MessagingException | RuntimeException undecodable) {
        decoded = words.group();
      }
      words.appendReplacement(out, Matcher.quoteReplacement(decoded));
    }
    words.appendTail(out);
    return out.toString();
  }

  private static Instant sentDate(MimeMessage message) {
    try {
      Date date = message.getSentDate();
      return date == null ? null : date.toInstant();
    } catch (MessagingException | RuntimeException unparseable) {
      return null;
    }
  }

  private static String header(HeaderRead read) {
    try {
      return read.get();
    } catch (MessagingException | RuntimeException unreadable) {
      return null;
    }
  }

  @FunctionalInterface
  private interface HeaderRead {
    String get() throws MessagingException;
  }
}
