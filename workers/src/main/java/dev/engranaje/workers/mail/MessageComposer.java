package dev.engranaje.workers.mail;

import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.TechnicalFailure;
import dev.engranaje.workers.mail.MailTemplate.Escaping;
import dev.engranaje.workers.workspace.Workspace;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds the MIME message {@link SendMailWorker} sends: addresses checked, subject and bodies
 * rendered from their templates, workspace files attached, and a Message-ID derived from the
 * idempotency key so every attempt of one job produces the same ID.
 */
final class MessageComposer {
  static final String ADDRESS_INVALID_CODE = "MAIL_ADDRESS_INVALID";
  static final String BAD_ADDRESS = "Expected e-mail addresses in input '%s', but '%s' is not one (%s)";
  static final String NO_RECIPIENT = "Expected at least one recipient in input 'to', 'cc' or 'bcc', but all are empty";
  static final String NO_FROM = "Expected the sender address in input 'from', but it is empty";
  static final String NO_BODY =
      "Expected a body in input 'textBody', 'htmlBody', 'textBodyFile' or 'htmlBodyFile', but all are empty";
  static final String TWO_BODIES = "Expected either input '%s' or '%s', but both are set; keep one";
  static final String NO_ATTACHMENT =
      "Expected attachment '%s' to be a file in the workspace, but there is no such file; check the reference"
          + " or the task that should have written it";
  static final String NO_BODY_FILE = "Expected body template '%s' to be a file in the workspace, but there is no such file";

  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("pdf", "application/pdf"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
      Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"), Map.entry("txt", "text/plain"),
      Map.entry("csv", "text/csv"), Map.entry("html", "text/html"), Map.entry("xml", "application/xml"),
      Map.entry("json", "application/json"), Map.entry("zip", "application/zip"), Map.entry("eml", "message/rfc822"),
      Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
      Map.entry("xls", "application/vnd.ms-excel"),
      Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
  private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?");
  static final String FALLBACK_DOMAIN = "engranaje.local";

  private final Session session;
  private final Workspace workspace;

  MessageComposer(Session session, Workspace workspace) {
    this.session = session;
    this.workspace = workspace;
  }

  MimeMessage compose(SendMailInput input, String idempotencyKey, Instant date)
      throws BusinessError, TechnicalFailure, MessagingException, IOException {
    InternetAddress from = sender(input.from());
    List<InternetAddress> to = addresses("to", input.to());
    List<InternetAddress> cc = addresses("cc", input.cc());
    List<InternetAddress> bcc = addresses("bcc", input.bcc());
    if (to.isEmpty() && cc.isEmpty() && bcc.isEmpty()) {
      throw new BusinessError(ADDRESS_INVALID_CODE, NO_RECIPIENT);
    }
    MimeMessage message = new FixedIdMessage(session, messageId(idempotencyKey, from));
    message.setFrom(from);
    message.setRecipients(RecipientType.TO, to.toArray(InternetAddress[]::new));
    message.setRecipients(RecipientType.CC, cc.toArray(InternetAddress[]::new));
    message.setRecipients(RecipientType.BCC, bcc.toArray(InternetAddress[]::new));
    List<InternetAddress> replyTo = addresses("replyTo", input.replyTo());
    if (!replyTo.isEmpty()) {
      message.setReplyTo(replyTo.toArray(InternetAddress[]::new));
    }
    String subject = MailTemplate.render(input.subject() == null ? "" : input.subject(), input.values(), Escaping.HEADER,
        "input 'subject'");
    message.setSubject(subject, "UTF-8");
    message.setSentDate(Date.from(date));
    List<MimeBodyPart> attachments = attachments(input.attachments());
    if (attachments.isEmpty()) {
      fillBody(message, input);
    } else {
      MimeBodyPart body = new MimeBodyPart();
      fillBody(body, input);
      MimeMultipart mixed = new MimeMultipart("mixed");
      mixed.addBodyPart(body);
      for (MimeBodyPart attachment : attachments) {
        mixed.addBodyPart(attachment);
      }
      message.setContent(mixed);
    }
    message.saveChanges();
    return message;
  }

  /** {@code <hash-of-key@sender-domain>}: the same for every attempt of one send. */
  static String messageId(String idempotencyKey, InternetAddress from) {
    String address = from.getAddress();
    String domain = address.substring(address.lastIndexOf('@') + 1);
    if (!DOMAIN.matcher(domain).matches() || !domain.contains(".")) {
      domain = FALLBACK_DOMAIN;
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
      return "<" + HexFormat.of().formatHex(hash, 0, 16) + "@" + domain + ">";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Expected the JVM to provide SHA-256, but it does not", e);
    }
  }

  private static InternetAddress sender(String from) throws BusinessError {
    if (from == null || from.isBlank()) {
      throw new BusinessError(ADDRESS_INVALID_CODE, NO_FROM);
    }
    List<InternetAddress> parsed = addresses("from", List.of(from));
    if (parsed.size() != 1) {
      throw new BusinessError(ADDRESS_INVALID_CODE, String.format(BAD_ADDRESS, "from", from, "one sender expected"));
    }
    return parsed.get(0);
  }

  private static List<InternetAddress> addresses(String field, List<String> entries) throws BusinessError {
    List<InternetAddress> result = new ArrayList<>();
    for (String entry : entries) {
      if (entry == null || entry.isBlank()) {
        continue;
      }
      try {
        for (InternetAddress address : InternetAddress.parse(entry, true)) {
          address.validate();
          result.add(address);
        }
      } catch (AddressException e) {
        throw new BusinessError(ADDRESS_INVALID_CODE, String.format(BAD_ADDRESS, field, entry, e.getMessage()));
      }
    }
    return result;
  }

  private void fillBody(MimePart target, SendMailInput input) throws TechnicalFailure, MessagingException, IOException {
    String text = template(input.textBody(), input.textBodyFile(), "textBody", "textBodyFile");
    String html = template(input.htmlBody(), input.htmlBodyFile(), "htmlBody", "htmlBodyFile");
    if (text == null && html == null) {
      throw TechnicalFailure.permanent(NO_BODY);
    }
    Map<String, Object> values = input.values();
    String renderedText = MailTemplate.render(text, values, Escaping.TEXT, "the text body");
    String renderedHtml = MailTemplate.render(html, values, Escaping.HTML, "the HTML body");
    if (renderedHtml == null) {
      target.setText(renderedText, "UTF-8", "plain");
    } else if (renderedText == null) {
      target.setText(renderedHtml, "UTF-8", "html");
    } else {
      MimeMultipart alternative = new MimeMultipart("alternative");
      MimeBodyPart plain = new MimeBodyPart();
      plain.setText(renderedText, "UTF-8", "plain");
      MimeBodyPart rich = new MimeBodyPart();
      rich.setText(renderedHtml, "UTF-8", "html");
      alternative.addBodyPart(plain);
      alternative.addBodyPart(rich);
      target.setContent(alternative);
    }
  }

  private String template(String inline, String fileReference, String inlineName, String fileName)
      throws TechnicalFailure, IOException {
    boolean hasInline = inline != null && !inline.isEmpty();
    boolean hasFile = fileReference != null && !fileReference.isBlank();
    if (hasInline && hasFile) {
      throw TechnicalFailure.permanent(String.format(TWO_BODIES, inlineName, fileName));
    }
    if (!hasFile) {
      return hasInline ? inline : null;
    }
    Path file = workspace.resolve(fileReference);
    if (!Files.isRegularFile(file)) {
      throw TechnicalFailure.permanent(String.format(NO_BODY_FILE, fileReference));
    }
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private List<MimeBodyPart> attachments(List<String> references) throws TechnicalFailure, MessagingException, IOException {
    List<MimeBodyPart> parts = new ArrayList<>();
    for (String reference : references) {
      if (reference == null || reference.isBlank()) {
        continue;
      }
      Path file = workspace.resolve(reference);
      if (!Files.isRegularFile(file)) {
        throw TechnicalFailure.permanent(String.format(NO_ATTACHMENT, reference));
      }
      MimeBodyPart part = new MimeBodyPart();
      // base64 always: a 7bit or quoted-printable part would turn LF into CRLF and change the file
      part.attachFile(file.toFile(), contentType(file), "base64");
      part.setFileName(file.getFileName().toString());
      parts.add(part);
    }
    return parts;
  }

  // The activation framework's own table knows few types; these are the ones bots send most.
  private static String contentType(Path file) {
    String name = file.getFileName().toString();
    String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
    return TYPES.getOrDefault(extension, "application/octet-stream");
  }

  /** A message whose Message-ID is fixed instead of generated anew on every save. */
  private static final class FixedIdMessage extends MimeMessage {
    private final String id;

    FixedIdMessage(Session session, String id) {
      super(session);
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", id);
    }
  }
}
