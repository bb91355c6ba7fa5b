package dev.engranaje.workers.mail;

import java.time.Instant;
import java.util.List;

/**
 * One fetched message as process variables. Header values are decoded; a header that cannot be
 * parsed is given as found. File references are relative to the instance workspace.
 *
 * @param uid the IMAP UID in its folder
 * @param messageId the Message-ID header, or null
 * @param date the Date header, or the received time when the header is missing or unreadable
 * @param receivedAt when the server received the message
 * @param snippet the start of the text body (at most 200 characters)
 * @param original the raw message ({@code .eml}), or null when not kept
 * @param textBody the text body file (UTF-8), or null when there is none
 * @param htmlBody the HTML body file (UTF-8), or null when there is none
 * @param warnings parts that could not be read as declared (the original keeps them)
 */
public record FetchedMail(
    long uid,
    String messageId,
    String from,
    List<String> to,
    String subject,
    Instant date,
    Instant receivedAt,
    long size,
    String snippet,
    String original,
    String textBody,
    String htmlBody,
    List<MailAttachment> attachments,
    List<String> warnings) {

  public FetchedMail {
    to = List.copyOf(to);
    attachments = List.copyOf(attachments);
    warnings = List.copyOf(warnings);
  }
}
