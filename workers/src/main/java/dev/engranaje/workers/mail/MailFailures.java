package dev.engranaje.workers.mail;

import dev.engranaje.workers.api.TechnicalFailure;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import javax.net.ssl.SSLException;

/**
 * Turns connection and login failures of either protocol into failures an operator can act on: a
 * refused login, a TLS or STARTTLS problem are permanent (retrying cannot fix them); anything else
 * on the way to the server is retried. Messages name the server and the secret, never its value.
 */
final class MailFailures {
  static final String LOGIN_REFUSED =
      "Expected the %s to accept the login of user '%s' with the password from secrets.%s, but it refused it"
          + " (%s); check the user and the secret, then retry the job";
  static final String UNREACHABLE = "Expected to connect to the %s, but %s; the job is retried";
  static final String TLS_FAILED =
      "Expected a verified TLS connection to the %s, but %s; if the server uses a private certificate"
          + " authority, give the workers its certificate (MailSettings.trusting)";
  static final String STARTTLS_MISSING =
      "Expected the %s to offer STARTTLS, but it does not; use security 'ssl' or a server that offers"
          + " STARTTLS (plain text is never used when starttls is chosen)";

  private MailFailures() {}

  // The messages carry the server's reply already; without the cause, an incident does not repeat it.
  static TechnicalFailure connecting(MailServer server, MessagingException failed) {
    if (failed instanceof AuthenticationFailedException && server.login()) {
      return TechnicalFailure.permanent(String.format(LOGIN_REFUSED, server.describe(), server.username(),
          server.password().name(), reason(failed)));
    }
    if (hasCause(failed, SSLException.class)) {
      return TechnicalFailure.permanent(String.format(TLS_FAILED, server.describe(), reason(failed)));
    }
    if (String.valueOf(failed.getMessage()).contains("STARTTLS")) {
      return TechnicalFailure.permanent(String.format(STARTTLS_MISSING, server.describe()));
    }
    return TechnicalFailure.retryable(String.format(UNREACHABLE, server.describe(), reason(failed)), null);
  }

  /** The innermost message, e.g. the server's reply or the socket error. */
  static String reason(Exception failure) {
    Throwable deepest = failure;
    while (deepest.getCause() != null && deepest.getCause() != deepest) {
      deepest = deepest.getCause();
    }
    String message = deepest.getMessage() == null ? deepest.getClass().getSimpleName() : deepest.getMessage();
    return message.strip();
  }

  private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
