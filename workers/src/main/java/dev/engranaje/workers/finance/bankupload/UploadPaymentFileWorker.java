package dev.engranaje.workers.finance.bankupload;

import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.JobType;
import dev.engranaje.workers.api.JobWorker;
import dev.engranaje.workers.api.TechnicalFailure;
import dev.engranaje.workers.finance.pain001.Pain001Document;
import dev.engranaje.workers.finance.pain001.Pain001Exception;
import dev.engranaje.workers.finance.pain001.Pain001Reader;
import dev.engranaje.workers.secrets.Destination;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Releases a payment run: uploads its pain.001 to the bank portal, exactly once per message id.
 *
 * <p>The upload runs inside {@link JobContext#once} keyed by {@code messageId}, so a job delivered
 * again (the worker crashed after the upload, before the engine heard of it; or a second task sends
 * the same run) returns the recorded {@link UploadReceipt} and the bank sees one file. When the
 * connection breaks after the file may have left, or the bank answers without a receipt, the upload
 * is in doubt: the ledger entry stays started and the job becomes an incident naming what to check
 * on the portal. The bank itself refuses a message id it already has; that answer too is an incident
 * (the file was released outside this ledger), never a second upload.
 *
 * <p>Before anything is sent the file is read: it must exist in the workspace, be a pain.001 and
 * carry {@code messageId} (a mismatch would release another run). Errors: BPMN error
 * {@code PAYMENT_FILE_REFUSED} when the bank refuses the file (schema, counts); a refused login or a
 * changed portal are permanent failures; an unreachable portal or a maintenance page is retried.
 *
 * <p>Speaks the portal's HTTP forms (sign-in at {@code /login}, the upload form of {@code /payments}
 * posting to {@code /payments/upload}), as the Demo Bank portal in {@code examples/} offers them.
 * Thread-safe: each job has its own session.
 */
@JobType("rpa:payments.upload-payment-file:1")
public final class UploadPaymentFileWorker implements JobWorker<UploadPaymentFileInput, UploadPaymentFileOutput> {
  static final String MISSING = "Expected input '%s' for the payment upload, but it is missing";
  static final String NO_FILE = "Expected payment file '%s' in the workspace, but it does not exist; nothing was uploaded";
  static final String OTHER_MESSAGE = "Expected payment file '%s' to carry message id '%s', but it carries '%s'; nothing was"
      + " uploaded (the task would release another run)";
  static final String NOT_PAIN001 = "Expected payment file '%s' to be a pain.001, but %s; nothing was uploaded";

  private final Duration timeout;

  public UploadPaymentFileWorker() {
    this(Duration.ofSeconds(60));
  }

  UploadPaymentFileWorker(Duration timeout) {
    this.timeout = timeout;
  }

  @Override
  public Class<UploadPaymentFileInput> inputType() {
    return UploadPaymentFileInput.class;
  }

  @Override
  public UploadPaymentFileOutput handle(UploadPaymentFileInput input, JobContext context) throws Exception {
    String messageId = required("messageId", input.messageId()).strip();
    String reference = required("paymentFile", input.paymentFile());
    String user = required("user", input.user());
    URI portal = portal(required("portalUrl", input.portalUrl()));
    if (input.password() == null) {
      throw TechnicalFailure.permanent(String.format(MISSING, "password") + " (a secret reference, e.g. secrets.BANK_PORTAL_PASSWORD)");
    }
    context.secrets().check(input.password(), Destination.of(portal));
    Path file = context.workspace().resolve(reference);
    if (!Files.isRegularFile(file)) {
      throw TechnicalFailure.permanent(String.format(NO_FILE, reference));
    }
    byte[] content = read(file, reference);
    String carried = messageIdOf(content, file.getFileName().toString(), reference);
    if (!carried.equals(messageId)) {
      throw TechnicalFailure.permanent(String.format(OTHER_MESSAGE, reference, messageId, carried));
    }
    UploadReceipt receipt = context.once(jobType() + ":" + messageId, UploadReceipt.class, () -> {
      PortalSession session = new PortalSession(portal, timeout);
      session.signIn(user, input.password());
      return session.upload(file.getFileName().toString(), content, messageId);
    });
    return new UploadPaymentFileOutput(receipt);
  }

  private static String messageIdOf(byte[] content, String name, String reference) throws TechnicalFailure {
    try {
      Pain001Document document = new Pain001Reader().read(new java.io.ByteArrayInputStream(content), name);
      return document.messageId();
    } catch (Pain001Exception e) {
      throw TechnicalFailure.permanent(String.format(NOT_PAIN001, reference, e.getMessage()));
    }
  }

  private static byte[] read(Path file, String reference) throws TechnicalFailure {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw TechnicalFailure.retryable("Cannot read payment file '" + reference + "': " + e.getMessage(), e);
    }
  }

  private static URI portal(String url) throws TechnicalFailure {
    try {
      URI uri = URI.create(url.strip());
      if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
        throw new IllegalArgumentException("not an http(s) URL with a host");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw TechnicalFailure.permanent("Expected portalUrl to be an http(s) URL such as https://banking.example, but got '"
          + url + "' (" + e.getMessage() + ")");
    }
  }

  private static String required(String name, String value) throws TechnicalFailure {
    if (value == null || value.isBlank()) {
      throw TechnicalFailure.permanent(String.format(MISSING, name));
    }
    return value;
  }
}
