package dev.engranaje.workers.mail;

import dev.engranaje.workers.api.Secret;

/**
 * The input of {@link FetchMailWorker}. Every filter is optional; defaults are applied by the
 * worker and listed here.
 *
 * @param host the IMAP server
 * @param port default by security: 143 (none, starttls), 993 (ssl)
 * @param security {@code none}, {@code ssl} or {@code starttls} (default)
 * @param password a secret reference ({@code secrets.IMAP_PASSWORD})
 * @param folder the folder to read (default {@code INBOX})
 * @param unseenOnly only messages without the \Seen flag (default true)
 * @param from only messages whose From contains this text
 * @param subjectContains only messages whose subject contains this text (case-insensitive)
 * @param since only messages received at or after this date ({@code 2026-11-01}) or instant
 * @param hasAttachment only messages with at least one attachment (default false: all)
 * @param maxMessages at most this many messages per job, oldest first (default 20, at most 500)
 * @param maxMessageBytes larger messages are not downloaded (default 25 MiB)
 * @param oversized {@code skip} (default: list them under {@code skipped}, leave them unread) or
 *     {@code fail} (BPMN error {@code MAIL_TOO_LARGE})
 * @param markSeen set \Seen on the fetched messages (default true)
 * @param moveTo move the fetched messages to this folder, which must exist (default: stay)
 * @param keepOriginal keep the raw message as {@code message.eml} for evidence (default true)
 * @param targetDirectory workspace directory for the messages' files (default {@code mail})
 */
public record FetchMailInput(
    String host,
    Integer port,
    String security,
    String username,
    Secret password,
    String folder,
    Boolean unseenOnly,
    String from,
    String subjectContains,
    String since,
    Boolean hasAttachment,
    Integer maxMessages,
    Long maxMessageBytes,
    String oversized,
    Boolean markSeen,
    String moveTo,
    Boolean keepOriginal,
    String targetDirectory) {}
