package dev.engranaje.workers.mail;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.engranaje.workers.api.Secret;
import java.util.List;
import java.util.Map;

/**
 * The input of {@link SendMailWorker}. Address lists accept one string or a list; an entry may hold
 * several comma-separated addresses. The subject and bodies are {@link MailTemplate templates} filled
 * from {@code values}; a body comes inline ({@code textBody}, {@code htmlBody}) or from a workspace
 * file ({@code textBodyFile}, {@code htmlBodyFile}). Attachments are workspace references.
 *
 * @param host the SMTP server
 * @param port default by security: 25 (none), 465 (ssl), 587 (starttls)
 * @param security {@code none}, {@code ssl} or {@code starttls} (default)
 * @param username login user; no login when empty
 * @param password a secret reference ({@code secrets.SMTP_PASSWORD}), required with a username
 * @param idempotencyKey optional business key (e.g. {@code invoice-4711-reminder-1}) to send at most
 *     once across jobs; default: once per job
 */
public record SendMailInput(
    String host,
    Integer port,
    String security,
    String username,
    Secret password,
    String from,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> to,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> cc,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> bcc,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> replyTo,
    String subject,
    String textBody,
    String htmlBody,
    String textBodyFile,
    String htmlBodyFile,
    Map<String, Object> values,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> attachments,
    String idempotencyKey) {

  public SendMailInput {
    to = to == null ? List.of() : List.copyOf(to);
    cc = cc == null ? List.of() : List.copyOf(cc);
    bcc = bcc == null ? List.of() : List.copyOf(bcc);
    replyTo = replyTo == null ? List.of() : List.copyOf(replyTo);
    values = values == null ? Map.of() : values;
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }
}
