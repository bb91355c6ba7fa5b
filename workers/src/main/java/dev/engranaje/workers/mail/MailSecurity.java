package dev.engranaje.workers.mail;

import dev.engranaje.workers.api.TechnicalFailure;
import java.util.Locale;

/**
 * How a mail connection is protected. {@link #STARTTLS} requires the upgrade: a server that does not
 * offer it is refused rather than spoken to in plain text.
 */
public enum MailSecurity {
  /** Plain text; only for servers on a trusted network or loopback. */
  NONE(25, 143),
  /** TLS from the first byte (SMTPS, IMAPS). */
  SSL(465, 993),
  /** Plain connection upgraded with STARTTLS before login; the upgrade is required. */
  STARTTLS(587, 143);

  static final String UNKNOWN =
      "Expected security to be one of none, ssl or starttls, but got '%s'";

  private final int smtpPort;
  private final int imapPort;

  MailSecurity(int smtpPort, int imapPort) {
    this.smtpPort = smtpPort;
    this.imapPort = imapPort;
  }

  /** The setting from an input value (case-insensitive); blank means {@link #STARTTLS}. */
  static MailSecurity parse(String value) throws TechnicalFailure {
    if (value == null || value.isBlank()) {
      return STARTTLS;
    }
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw TechnicalFailure.permanent(String.format(UNKNOWN, value));
    }
  }

  int defaultSmtpPort() {
    return smtpPort;
  }

  int defaultImapPort() {
    return imapPort;
  }
}
