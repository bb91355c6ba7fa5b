package dev.engranaje.workers.mail;

import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.JobType;
import dev.engranaje.workers.api.JobWorker;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Sends one templated e-mail over SMTP (plain, SSL or STARTTLS, with an optional login whose password
 * is a secret reference) with to/cc/bcc, reply-to and workspace files as attachments.
 *
 * <p>At most once: the send runs inside {@link JobContext#once}, keyed by the job (or by the input
 * {@code idempotencyKey}), so a job delivered again after a crash returns the recorded {@link
 * SentMail} instead of sending a second mail. The Message-ID is derived from the same key. If the
 * connection breaks while the message is being transmitted the send is in doubt and the job becomes
 * an incident for an operator instead of being retried.
 *
 * <p>Errors: BPMN errors {@code MAIL_ADDRESS_INVALID} (an address that cannot be parsed, or none
 * at all) and {@code MAIL_REJECTED} (the server refused a recipient or the message), each with the variable {@code errorMessage}
 * repeating its message for the catching event; a refused login,
 * a TLS or STARTTLS problem, a missing attachment or placeholder value are permanent failures
 * (incidents); an unreachable server or a deferral is retried.
 *
 * <p>Thread-safe.
 */
@JobType("rpa:mail.send:1")
public final class SendMailWorker implements JobWorker<SendMailInput, SentMail> {
  static final String ERROR_MESSAGE = "errorMessage";
  private final MailSettings settings;
  private final Transmitter transmitter;

  /** With the JVM's trust store and default timeouts. */
  public SendMailWorker() {
    this(MailSettings.defaults());
  }

  public SendMailWorker(MailSettings settings) {
    this(settings, new SmtpTransmitter());
  }

  SendMailWorker(MailSettings settings, Transmitter transmitter) {
    this.settings = settings;
    this.transmitter = transmitter;
  }

  @Override
  public Class<SendMailInput> inputType() {
    return SendMailInput.class;
  }

  @Override
  public SentMail handle(SendMailInput input, JobContext context) throws Exception {
    MailServer server = MailServer.smtp(input.host(), input.port(), input.security(), input.username(), input.password());
    server.checkDestination(context.secrets());
    String key = input.idempotencyKey() == null || input.idempotencyKey().isBlank()
        ? context.idempotencyKey() : jobType() + ":" + input.idempotencyKey().strip();
    try {
      return context.once(key, SentMail.class, () -> {
        Session session = server.session(settings);
        Instant now = context.clock().instant();
        MimeMessage message = new MessageComposer(session, context.workspace()).compose(input, key, now);
        int recipients = transmitter.transmit(server, session, message);
        return new SentMail(message.getMessageID(), now, recipients);
      });
    } catch (BusinessError refused) {
      throw withMessageVariable(refused);
    }
  }

  // A BPMN error's message is not a variable by itself: repeated as errorMessage, the catching
  // event's output mapping can hand it on (to a person's task, say), as other workers do.
  private static BusinessError withMessageVariable(BusinessError error) {
    if (error.variables().containsKey(ERROR_MESSAGE)) {
      return error;
    }
    Map<String, Object> variables = new HashMap<>(error.variables());
    variables.put(ERROR_MESSAGE, error.getMessage());
    return new BusinessError(error.code(), error.getMessage(), variables);
  }

  /** Hands a composed message to the server; returns how many recipients it accepted. */
  @FunctionalInterface
  interface Transmitter {
    int transmit(MailServer server, Session session, MimeMessage message) throws Exception;
  }
}
