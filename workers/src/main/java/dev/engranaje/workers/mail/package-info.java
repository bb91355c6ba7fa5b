/**
 * Mail bots: {@link dev.engranaje.workers.mail.SendMailWorker} sends a templated message over SMTP
 * at most once per job, {@link dev.engranaje.workers.mail.FetchMailWorker} fetches messages over
 * IMAP and saves their bodies and attachments to the instance workspace. Both use Jakarta Mail
 * (Angus Mail) with TLS verification always on; {@link dev.engranaje.workers.mail.MailSettings}
 * adds trusted certificates for private servers.
 */
package dev.engranaje.workers.mail;
