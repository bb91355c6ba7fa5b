package dev.engranaje.workers.mail;

import dev.engranaje.workers.api.Secret;
import dev.engranaje.workers.api.TechnicalFailure;
import dev.engranaje.workers.secrets.Destination;
import dev.engranaje.workers.secrets.SecretResolver;
import jakarta.mail.Session;
import java.util.Properties;

/**
 * One SMTP or IMAP server as a job names it, and the Jakarta Mail session to talk to it. TLS server
 * identity checks are always on; STARTTLS is required when chosen. The password stays a {@link
 * Secret} until it is handed to the connect call.
 */
record MailServer(String protocol, String host, int port, MailSecurity security, String username, Secret password) {
  static final String NO_HOST = "Expected the %s server host in input 'host', but it is empty";
  static final String NO_PASSWORD =
      "Expected a password reference (secrets.NAME) in input 'password' for user '%s', but it is empty";

  static MailServer smtp(String host, Integer port, String security, String username, Secret password)
      throws TechnicalFailure {
    MailSecurity mode = MailSecurity.parse(security);
    return of("smtp", host, port == null ? mode.defaultSmtpPort() : port, mode, username, password);
  }

  static MailServer imap(String host, Integer port, String security, String username, Secret password)
      throws TechnicalFailure {
    MailSecurity mode = MailSecurity.parse(security);
    return of("imap", host, port == null ? mode.defaultImapPort() : port, mode, username, password);
  }

  private static MailServer of(String protocol, String host, int port, MailSecurity mode, String username, Secret password)
      throws TechnicalFailure {
    if (host == null || host.isBlank()) {
      throw TechnicalFailure.permanent(String.format(NO_HOST, protocol.toUpperCase(java.util.Locale.ROOT)));
    }
    boolean login = username != null && !username.isBlank();
    if (login && password == null) {
      throw TechnicalFailure.permanent(String.format(NO_PASSWORD, username));
    }
    return new MailServer(protocol, host.trim(), port, mode, login ? username : null, password);
  }

  /** Passes when the password may be sent to this server ({@code secrets.hosts}); before connecting. */
  void checkDestination(SecretResolver secrets) throws TechnicalFailure {
    if (password != null) {
      secrets.check(password, new Destination(host, port));
    }
  }

  boolean login() {
    return username != null;
  }

  /** Where this is, for messages: never includes credentials. */
  String describe() {
    return protocol.toUpperCase(java.util.Locale.ROOT) + " server " + host + ":" + port + " (" + security.name().toLowerCase(
        java.util.Locale.ROOT) + ")";
  }

  Session session(MailSettings settings) {
    String prefix = "mail." + protocol + ".";
    Properties properties = new Properties();
    properties.put(prefix + "host", host);
    properties.put(prefix + "port", Integer.toString(port));
    properties.put(prefix + "connectiontimeout", Long.toString(settings.connectTimeout().toMillis()));
    properties.put(prefix + "timeout", Long.toString(settings.timeout().toMillis()));
    properties.put(prefix + "writetimeout", Long.toString(settings.timeout().toMillis()));
    properties.put(prefix + "ssl.socketFactory", settings.socketFactory());
    properties.put(prefix + "ssl.checkserveridentity", "true");
    properties.put(prefix + "ssl.enable", Boolean.toString(security == MailSecurity.SSL));
    properties.put(prefix + "starttls.enable", Boolean.toString(security == MailSecurity.STARTTLS));
    properties.put(prefix + "starttls.required", Boolean.toString(security == MailSecurity.STARTTLS));
    properties.put(prefix + "auth", Boolean.toString(login()));
    // IMAP: read messages without setting \Seen; the worker marks them itself once they are saved
    properties.put("mail.imap.peek", "true");
    // one FETCH per message instead of 16 KiB pieces: messages are bounded by maxMessageBytes anyway
    properties.put("mail.imap.partialfetch", "false");
    properties.put("mail.mime.address.strict", "false");
    return Session.getInstance(properties);
  }
}
