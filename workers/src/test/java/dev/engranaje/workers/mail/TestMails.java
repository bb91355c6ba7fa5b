package dev.engranaje.workers.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Messages of every attachment shape, built with Jakarta Mail, and a look into the test mailbox. */
final class TestMails {
  static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
  static final Session SESSION = Session.getInstance(new Properties());

  private TestMails() {}

  static MimeMessage message(String from, String subject) throws MessagingException {
    MimeMessage message = new MimeMessage(SESSION);
    message.setFrom(new InternetAddress(from));
    message.setRecipients(MimeMessage.RecipientType.TO, MailTestServers.USER);
    message.setSubject(subject, "UTF-8");
    return message;
  }

  static MimeMessage text(String from, String subject, String body) throws MessagingException {
    MimeMessage message = message(from, subject);
    message.setText(body, "UTF-8");
    message.saveChanges();
    return message;
  }

  static MimeBodyPart textPart(String body) throws MessagingException {
    MimeBodyPart part = new MimeBodyPart();
    part.setText(body, "UTF-8");
    return part;
  }

  static MimeBodyPart binary(byte[] content, String type) throws MessagingException {
    MimeBodyPart part = new MimeBodyPart();
    part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, type)));
    part.setHeader("Content-Type", type);
    part.setHeader("Content-Transfer-Encoding", "base64");
    return part;
  }

  /**
   * Text, a PDF attachment, an inline image without a name (Content-ID only), a part with a name but
   * no Content-Disposition, and a PDF with neither.
   */
  static MimeMessage mixedShapes() throws MessagingException {
    MimeMessage message = message("supplier@example.org", "Invoice 17 with everything");
    MimeMultipart mixed = new MimeMultipart("mixed");
    mixed.addBodyPart(textPart("Please find invoice 17 attached."));
    MimeBodyPart invoice = binary(PDF, "application/pdf");
    invoice.setFileName("invoice-17.pdf");
    invoice.setDisposition(Part.ATTACHMENT);
    mixed.addBodyPart(invoice);
    MimeBodyPart logo = binary(PNG, "image/png");
    logo.setDisposition(Part.INLINE);
    logo.setContentID("<logo@example.org>");
    mixed.addBodyPart(logo);
    MimeBodyPart signature = binary("-----BEGIN PGP SIGNATURE-----".getBytes(StandardCharsets.US_ASCII),
        "application/pgp-signature; name=\"signature.asc\"");
    mixed.addBodyPart(signature);
    mixed.addBodyPart(binary(PDF, "application/pdf"));
    message.setContent(mixed);
    message.saveChanges();
    return message;
  }

  /** A forwarded message (message/rfc822) that carries its own spreadsheet attachment. */
  static MimeMessage forwarded() throws MessagingException {
    MimeMessage inner = message("clerk@example.org", "Monthly report");
    MimeMultipart innerParts = new MimeMultipart("mixed");
    innerParts.addBodyPart(textPart("Report attached."));
    MimeBodyPart report = binary("PK fake xlsx".getBytes(StandardCharsets.US_ASCII),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    report.setFileName("report.xlsx");
    report.setDisposition(Part.ATTACHMENT);
    innerParts.addBodyPart(report);
    inner.setContent(innerParts);
    inner.saveChanges();

    MimeMessage outer = message("boss@example.org", "Fwd: Monthly report");
    MimeMultipart outerParts = new MimeMultipart("mixed");
    outerParts.addBodyPart(textPart("See the forwarded mail."));
    MimeBodyPart attached = new MimeBodyPart();
    attached.setContent(inner, "message/rfc822");
    attached.setDisposition(Part.ATTACHMENT);
    outerParts.addBodyPart(attached);
    outer.setContent(outerParts);
    outer.saveChanges();
    return outer;
  }

  /** A message that is nothing but a PDF: no multipart, no text. */
  static MimeMessage singlePartPdf() throws MessagingException {
    MimeMessage message = message("scanner@example.org", "Scan 0042");
    message.setDataHandler(new DataHandler(new ByteArrayDataSource(PDF, "application/pdf")));
    message.saveChanges();
    message.setHeader("Content-Type", "application/pdf");
    message.setHeader("Content-Transfer-Encoding", "base64");
    return message;
  }

  /** File names as mailers write them: RFC 2047 encoded-words, RFC 2231 parameters, duplicates, hostile paths. */
  static MimeMessage awkwardNames() throws MessagingException {
    MimeMessage message = message("bank@example.org", "Statements");
    MimeMultipart mixed = new MimeMultipart("mixed");
    mixed.addBodyPart(textPart("Statements attached."));
    mixed.addBodyPart(named("attachment; filename=\"=?UTF-8?B?w5xiZXJ3ZWlzdW5nIE3DpHJ6LnBkZg==?=\""));
    mixed.addBodyPart(named("attachment; filename*=UTF-8''%E2%82%AC%20rates%202026.pdf"));
    mixed.addBodyPart(named("attachment; filename=\"statement.pdf\""));
    mixed.addBodyPart(named("attachment; filename=\"STATEMENT.pdf\""));
    mixed.addBodyPart(named("attachment; filename=\"../../../etc/passwd\""));
    mixed.addBodyPart(named("attachment; filename=\"..\\\\..\\\\boot.ini\""));
    mixed.addBodyPart(named("attachment; filename=\"..\""));
    mixed.addBodyPart(named("attachment; filename=\"CON.pdf\""));
    message.setContent(mixed);
    message.saveChanges();
    return message;
  }

  private static MimeBodyPart named(String disposition) throws MessagingException {
    MimeBodyPart part = binary(PDF, "application/pdf");
    part.setHeader("Content-Disposition", disposition);
    return part;
  }

  /** The test user's mailbox over IMAP, for checking flags and folders. */
  static Store mailbox(int imapPort) throws MessagingException {
    Store store = SESSION.getStore("imap");
    store.connect(MailTestServers.HOST, imapPort, MailTestServers.LOGIN, MailTestServers.PASSWORD);
    return store;
  }

  static int count(int imapPort, String folderName, boolean unreadOnly) throws MessagingException {
    try (Store store = mailbox(imapPort)) {
      Folder folder = store.getFolder(folderName);
      folder.open(Folder.READ_ONLY);
      try {
        return unreadOnly ? folder.getUnreadMessageCount() : folder.getMessageCount();
      } finally {
        folder.close(false);
      }
    }
  }
}
