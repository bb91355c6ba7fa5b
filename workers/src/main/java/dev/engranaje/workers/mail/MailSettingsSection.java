package dev.engranaje.workers.mail;

import dev.engranaje.workers.catalog.InvalidConfiguration;
import dev.engranaje.workers.catalog.WorkerSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;

/**
 * The optional {@code settings.mail} section of {@code worker.yaml}, shared by the send and fetch
 * workers; every key is optional:
 *
 * <pre>
 * settings:
 *   mail:
 *     trustedCertificates: /etc/engranaje/mail-ca.pem   # PEM/DER; default: the JVM trust store
 *     connectTimeout: PT30S
 *     timeout: PT60S
 * </pre>
 */
record MailSettingsSection(String trustedCertificates, Duration connectTimeout, Duration timeout) {
  static final String SECTION = "mail";

  static MailSettings from(WorkerSettings settings) {
    if (!settings.isPresent()) {
      return MailSettings.defaults();
    }
    return settings.as(MailSettingsSection.class).toSettings();
  }

  private MailSettings toSettings() {
    MailSettings base;
    try {
      base = trustedCertificates == null ? MailSettings.defaults() : MailSettings.trusting(Path.of(trustedCertificates));
    } catch (IOException | GeneralSecurityException e) {
      throw new InvalidConfiguration("Expected settings.mail.trustedCertificates to name a readable PEM or DER"
          + " certificate file, but " + e.getMessage(), e);
    }
    return new MailSettings(base.socketFactory(), connectTimeout == null ? base.connectTimeout() : connectTimeout,
        timeout == null ? base.timeout() : timeout);
  }
}
