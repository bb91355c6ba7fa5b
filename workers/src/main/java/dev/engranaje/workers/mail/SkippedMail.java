package dev.engranaje.workers.mail;

/**
 * A message the fetch left on the server, and why.
 *
 * @param uid the IMAP UID in its folder
 * @param size its size in bytes
 * @param reason e.g. that it exceeds {@code maxMessageBytes}
 */
public record SkippedMail(long uid, String from, String subject, long size, String reason) {}
