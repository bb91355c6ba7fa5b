package dev.engranaje.workers.mail;

import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.TechnicalFailure;
import dev.engranaje.workers.ledger.SideEffectInDoubt;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Hands a message to an SMTP server and says precisely how it failed: before the server had the
 * message (connection, TLS, login, a rejected address: certainly not sent, safe to retry or to
 * report) or while it was being transmitted (maybe sent: {@link SideEffectInDoubt}, so the job is
 * never retried blindly into a second mail).
 *
 * <p>Thread-safe (stateless); one connection per call.
 */
final class SmtpTransmitter implements SendMailWorker.Transmitter {
  static final String REJECTED_CODE = "MAIL_REJECTED";
  static final String REJECTED = "Expected the %s to accept the message, but it rejected %s (%s)";
  static final String TEMPORARILY_REJECTED = "Expected the %s to accept the message, but it deferred it (%s); the job is retried";
  static final String IN_DOUBT =
      "Expected the %s to confirm the message, but the connection failed while it was being sent (%s);"
          + " it may have been delivered";

  @Override
  public int transmit(MailServer server, Session session, MimeMessage message) throws Exception {
    Address[] recipients = message.getAllRecipients();
    Transport transport = session.getTransport("smtp");
    try {
      connect(server, transport);
      try {
        transport.sendMessage(message, recipients);
      } catch (SendFailedException rejected) {
        throw rejection(server, rejected);
      } catch (MessagingException broken) {
        throw new SideEffectInDoubt(String.format(IN_DOUBT, server.describe(), MailFailures.reason(broken)), broken);
      }
      return recipients.length;
    } finally {
      closeQuietly(transport);
    }
  }

  private static void connect(MailServer server, Transport transport) throws TechnicalFailure {
    try {
      if (server.login()) {
        transport.connect(server.host(), server.port(), server.username(), server.password().reveal());
      } else {
        transport.connect();
      }
    } catch (MessagingException failed) {
      throw MailFailures.connecting(server, failed);
    }
  }

  // Only a reply code says what the server did: 5xx refused, 4xx deferred. Without one (the
  // connection ended, e.g. right after the message was transmitted) the server may have accepted it.
  private static Exception rejection(MailServer server, SendFailedException rejected) {
    int code = replyCode(rejected);
    if (code >= 400 && code < 500) {
      return TechnicalFailure.retryable(String.format(TEMPORARILY_REJECTED, server.describe(),
          MailFailures.reason(rejected)), null);
    }
    if (code < 500 || code > 599) {
      return new SideEffectInDoubt(String.format(IN_DOUBT, server.describe(), MailFailures.reason(rejected)), rejected);
    }
    Address[] invalid = rejected.getInvalidAddresses();
    String what = invalid == null || invalid.length == 0 ? "it"
        : Arrays.stream(invalid).map(Address::toString).collect(Collectors.joining(", "));
    return new BusinessError(REJECTED_CODE, String.format(REJECTED, server.describe(), what, MailFailures.reason(rejected)));
  }

  private static int replyCode(MessagingException failure) {
    for (Exception e = failure; e != null;
        e = e instanceof MessagingException m ? m.getNextException() : null) {
      if (e instanceof SMTPSendFailedException send) {
        return send.getReturnCode();
      }
      if (e instanceof SMTPAddressFailedException address) {
        return address.getReturnCode();
      }
    }
    return -1;
  }

  private static void closeQuietly(Transport transport) {
    try {
      transport.close();
    } catch (MessagingException ignored) {
      // the message was already accepted or refused; a failed QUIT changes nothing
    }
  }
}
