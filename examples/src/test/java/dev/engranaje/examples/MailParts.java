package dev.engranaje.examples;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Reads what the scenario tests check in a mail the process sent: an attachment, the text. */
public final class MailParts {
  private MailParts() {}

  /** The attachment of {@code mail} whose file name ends with {@code suffix}. */
  public static byte[] attachment(MimeMessage mail, String suffix) throws Exception {
    assertThat(mail.getContent()).as("mail content").isInstanceOf(Multipart.class);
    Multipart parts = (Multipart) mail.getContent();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < parts.getCount(); i++) {
      BodyPart part = parts.getBodyPart(i);
      names.add(part.getFileName());
      if (part.getFileName() != null && part.getFileName().endsWith(suffix)) {
        try (InputStream in = part.getInputStream()) {
          return in.readAllBytes();
        }
      }
    }
    throw new AssertionError("Expected an attachment ending with " + suffix + ", but the mail has " + names);
  }

  /** The plain-text body of {@code mail} (its first text part). */
  public static String text(MimeMessage mail) throws Exception {
    Object content = mail.getContent();
    if (content instanceof String text) {
      return text;
    }
    Multipart parts = (Multipart) content;
    for (int i = 0; i < parts.getCount(); i++) {
      BodyPart part = parts.getBodyPart(i);
      if (part.isMimeType("text/plain") && part.getFileName() == null) {
        return part.getContent().toString();
      }
    }
    throw new AssertionError("Expected a text part in mail '" + mail.getSubject() + "'");
  }
}
