package dev.engranaje.workers.mail;

import java.time.Instant;

/**
 * The output of {@link SendMailWorker}, recorded in the idempotency ledger and returned again to a
 * redelivered job.
 *
 * @param messageId the Message-ID header, derived from the idempotency key (stable across retries)
 * @param sentAt when the server accepted the message
 * @param recipients how many addresses (to, cc and bcc) the server accepted
 */
public record SentMail(String messageId, Instant sentAt, int recipients) {}
