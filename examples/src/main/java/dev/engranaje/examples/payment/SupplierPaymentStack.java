package dev.engranaje.examples.payment;

import com.icegreen.greenmail.util.GreenMailUtil;
import dev.engranaje.examples.ExampleResources;
import dev.engranaje.examples.InstallationSettings;
import dev.engranaje.examples.RefusingGreenMail;
import dev.engranaje.examples.LoopbackPeers;
import dev.engranaje.examples.StackOptions;
import dev.engranaje.examples.ScenarioWorkers;
import dev.engranaje.examples.bankportal.BankPortal;
import dev.engranaje.workers.api.JobWorker;
import dev.engranaje.workers.catalog.WorkerSettings;
import dev.engranaje.workers.ledger.SqliteIdempotencyLedger;
import dev.engranaje.workers.runtime.WorkerRuntime;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.DeploymentEvent;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Everything the supplier-payment process talks to, on loopback: a mail server (GreenMail, SMTP and
 * IMAP) with the accounts-payable mailbox, the mock bank portal with its closed accounts, a workspace
 * with the supplier master and the payment history (area {@code samples:}) and an invoice inbox
 * folder (area {@code inbox:}), and the real workers of the catalog in process, with the portal and
 * mail passwords as secrets. Used by {@code rpa demo supplier-payment} and the end-to-end tests, so
 * both run exactly the same set-up.
 *
 * <p>{@link #deploy()} deploys the model, its forms and the approval decision; {@link
 * #deliverInvoices()} puts the week's invoices into the mailbox and the inbox folder; {@link
 * #variables(String)} gives the start variables that point the model at these peers.
 */
public final class SupplierPaymentStack implements AutoCloseable {
  public static final String PROCESS_ID = "supplier-payment";
  public static final String MESSAGE = "supplier-payment-requested";
  public static final String MODEL = "processes/supplier-payment.bpmn";
  public static final String DECISION = "decisions/payment-approval.dmn";
  public static final List<String> FORMS = List.of("forms/approve-payment-run.form", "forms/verify-bank-details.form",
      "forms/review-invoice.form", "forms/mail-undelivered.form");
  /** The job types the model uses; each must be in the worker catalog. */
  public static final List<String> JOB_TYPES = List.of("rpa:runtime.load-settings:1", "rpa:mail.fetch:1", "rpa:files.list:1", "rpa:spreadsheet.read:1",
      "rpa:mail.send:1",
      "rpa:web.run-script:1", "rpa:payments.check-invoice:1", "rpa:payments.prepare-run:1", "rpa:payments.record-approval:1",
      "rpa:payments.write-pain001:1", "rpa:payments.upload-payment-file:1", "rpa:payments.read-status:1",
      "rpa:payments.record-payments:1", "rpa:payments.write-run-report:1");

  public static final String AP_MAIL = "ap@kestrel.example";
  public static final String ROBOT_MAIL = "Kestrel accounts payable <" + AP_MAIL + ">";
  static final String MAIL_LOGIN = "ap-robot";

  /** The demo's people: who prepares the run, who approves it, who verifies bank details, who reviews PDFs. */
  public static final String PREPARER = "paula.preparer";
  public static final String FIRST_APPROVER = "marta.controller";
  public static final String SECOND_APPROVER = "jonas.cfo";
  public static final String VERIFIER = "ines.treasury";
  public static final String REVIEWER = "tom.accounts";

  private final LoopbackPeers peers;
  private final ScenarioWorkers workers;
  private final Path root;
  private final CamundaClient client;

  private SupplierPaymentStack(Builder builder) throws IOException {
    this.client = builder.client;
    this.root = builder.root;
    peers = LoopbackPeers.start(root, AP_MAIL, MAIL_LOGIN, List.of());
    SupplierPaymentData.CLOSED_ACCOUNTS.forEach(peers.portal()::closeAccount);
    Path samples = Files.createDirectories(root.resolve("samples"));
    Files.write(samples.resolve(SupplierPaymentDataGenerator.MASTER), sample(SupplierPaymentDataGenerator.MASTER));
    Files.write(samples.resolve(SupplierPaymentDataGenerator.HISTORY), sample(SupplierPaymentDataGenerator.HISTORY));
    Files.write(samples.resolve(SupplierPaymentDataGenerator.OPEN_INVOICES), sample(SupplierPaymentDataGenerator.OPEN_INVOICES));
    Files.createDirectories(root.resolve("inbox"));
    WorkerRuntime.Builder runtime = peers.runtime(client, root, builder.observer())
        .area("samples", samples)
        .area("inbox", root.resolve("inbox"));
    try {
      writeSettings("htmlunit");
      workers = ScenarioWorkers.start(runtime, MODEL, JOB_TYPES, builder.backoff(), WorkerSettings::none, builder.wrappers);
    } catch (IOException | RuntimeException e) {
      peers.close();
      throw e;
    }
  }

  /**
   * Writes the settings file the model's first task loads ({@code config:supplier-payment.yaml}): the
   * {@linkplain #variables(String) start variables}, so that a run the weekly timer starts finds these peers.
   *
   * @return the file written
   */
  public Path writeSettings(String browser) throws IOException {
    return InstallationSettings.write(root, PROCESS_ID, variables(browser));
  }

  public static Builder builder(CamundaClient client, Path root) {
    return new Builder(client, root);
  }

  /** Deploys the model, its forms and the approval-tier decision. */
  public DeploymentEvent deploy() {
    var command = client.newDeployResourceCommand().addResourceBytes(ExampleResources.read(MODEL), "supplier-payment.bpmn");
    var step = command.addResourceBytes(ExampleResources.read(DECISION), "payment-approval.dmn");
    for (String form : FORMS) {
      step = step.addResourceBytes(ExampleResources.read(form), form.substring(form.indexOf('/') + 1));
    }
    return step.send().join();
  }

  /** Mails the invoices of {@code mail/} from their suppliers to the accounts-payable mailbox, and copies those of {@code inbox/}. */
  public void deliverInvoices() throws IOException {
    for (SampleInvoice invoice : SupplierPaymentData.INVOICES) {
      byte[] file = sample(invoice.channel() + "/" + invoice.file());
      if (invoice.channel().equals("mail")) {
        String type = invoice.file().endsWith(".pdf") ? "application/pdf" : "application/xml";
        GreenMailUtil.sendAttachmentEmail(AP_MAIL, invoice.supplier().email(), "Invoice " + invoice.number(),
            "Dear accounts payable team, please find our invoice " + invoice.number() + " attached.", file, type,
            invoice.file(), "Invoice " + invoice.number(), peers.mail().getSmtp().getServerSetup());
      } else {
        Files.write(root.resolve("inbox").resolve(invoice.file()), file);
      }
    }
  }

  /**
   * The start variables that point the model at this stack.
   *
   * @param browser {@code htmlunit} or {@code chromium}, for the status-report download
   */
  public Map<String, Object> variables(String browser) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("preparer", PREPARER);
    variables.putAll(peers.variables(browser, MAIL_LOGIN));
    variables.put("robotMail", ROBOT_MAIL);
    variables.put("apMail", AP_MAIL);
    variables.put("invoiceInbox", "inbox:");
    variables.put("supplierMaster", "samples:" + SupplierPaymentDataGenerator.MASTER);
    variables.put("supplierMapping", null);
    variables.put("openInvoices", "samples:" + SupplierPaymentDataGenerator.OPEN_INVOICES);
    variables.put("paymentHistory", "samples:" + SupplierPaymentDataGenerator.HISTORY);
    variables.put("maxInvoiceAmount", SupplierPaymentData.MAX_INVOICE_AMOUNT);
    variables.put("debtor", Map.of("name", SupplierPaymentData.BUYER, "iban", SupplierPaymentData.DEBTOR_IBAN,
        "bic", SupplierPaymentData.DEBTOR_BIC));
    variables.put("executionDate", null);
    variables.put("runId", null);
    variables.put("pain001Version", "001.001.09");
    return variables;
  }

  /** Starts a run as accounts payable does: the message {@value #MESSAGE} with the start variables. */
  public void requestRun(String browser) {
    client.newPublishMessageCommand().messageName(MESSAGE).withoutCorrelationKey().variables(variables(browser)).send().join();
  }

  /** Mails that reached anyone but the accounts-payable mailbox's own inbox from suppliers (the invoices are not counted). */
  public List<MimeMessage> sentMails() {
    List<MimeMessage> sent = new ArrayList<>();
    for (MimeMessage message : peers.mail().getReceivedMessages()) {
      try {
        if (message.getFrom()[0].toString().contains(AP_MAIL)) {
          sent.add(message);
        }
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return sent;
  }

  public BankPortal portal() {
    return peers.portal();
  }

  /** The mail server; {@code mail().refuse(address)} makes it refuse mail to a recipient, as for a closed mailbox. */
  public RefusingGreenMail mail() {
    return peers.mail();
  }

  public SqliteIdempotencyLedger ledger() {
    return peers.ledger();
  }

  /** The instance workspaces' root, below which the payment file, the run and the report are written. */
  public Path workspaceRoot() {
    return root.resolve("work");
  }

  /** The folder of area {@code samples:} (supplier master, payment history). */
  public Path samples() {
    return root.resolve("samples");
  }

  @Override
  public void close() {
    ScenarioWorkers.closeAll(workers, peers);
  }

  /** A sample file bundled with the examples (from {@code examples/supplier-payment/}). */
  public static byte[] sample(String name) {
    return ExampleResources.read("supplier-payment/" + name);
  }

  /** Builder. */
  public static final class Builder extends StackOptions<Builder> {
    private final CamundaClient client;
    private final Path root;
    private final Map<String, UnaryOperator<JobWorker<?, ?>>> wrappers = new HashMap<>();

    private Builder(CamundaClient client, Path root) {
      this.client = client;
      this.root = root;
    }

    @Override
    protected Builder self() {
      return this;
    }

    /** Wraps the worker of {@code jobType}, e.g. to crash it after its side effect in a test. */
    public Builder wrap(String jobType, UnaryOperator<JobWorker<?, ?>> wrapper) {
      wrappers.put(jobType, wrapper);
      return this;
    }

    public SupplierPaymentStack start() throws IOException {
      return new SupplierPaymentStack(this);
    }
  }
}
