package dev.engranaje.workers.mail;

/**
 * One attachment saved from a fetched message.
 *
 * @param name the file name (decoded, made safe and unique within its message)
 * @param file the workspace reference of the saved file
 * @param contentType the declared MIME type, e.g. {@code application/pdf}
 * @param size bytes saved
 * @param inline true for parts shown inside the message (e.g. an embedded image)
 * @param depth 0 for the message itself, 1 inside a forwarded message, and so on
 */
public record MailAttachment(String name, String file, String contentType, long size, boolean inline, int depth) {}
