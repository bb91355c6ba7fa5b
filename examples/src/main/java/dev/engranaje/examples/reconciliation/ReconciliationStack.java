package dev.engranaje.examples.reconciliation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import dev.engranaje.examples.ExampleResources;
import dev.engranaje.examples.InstallationSettings;
import dev.engranaje.examples.LoopbackPeers;
import dev.engranaje.examples.StackOptions;
import dev.engranaje.examples.ScenarioWorkers;
import dev.engranaje.examples.bankportal.BankPortal;
import dev.engranaje.examples.bankportal.PortalStatement;
import dev.engranaje.workers.catalog.WorkerSettings;
import dev.engranaje.workers.runtime.WorkerRuntime;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.DeploymentEvent;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the bank-reconciliation process talks to, on loopback: a mail server (GreenMail, SMTP
 * and IMAP), the mock bank portal serving a statement, a workspace with the ledger export, its
 * mapping and the match rules (area {@code samples:}), and the real workers of the catalog in
 * process, with the portal and mail passwords as secrets. Used by the demo and by the end-to-end
 * tests, so both run exactly the same set-up.
 *
 * <p>The model is deployed with {@link #deploy()}; {@link #variables(String, String, String)}
 * gives the start variables that point it at these peers.
 */
public final class ReconciliationStack implements AutoCloseable {
  public static final String PROCESS_ID = "bank-reconciliation";
  public static final String MODEL = "processes/bank-reconciliation.bpmn";
  public static final String FORM = "forms/bank-reconciliation-review.form";
  /** The job types the model uses; each must be in the worker catalog. */
  public static final List<String> JOB_TYPES = List.of("rpa:runtime.load-settings:1", "rpa:web.run-script:1", "rpa:mail.fetch:1", "rpa:mail.send:1",
      "rpa:finance.parse-statement:1", "rpa:finance.read-ledger:1", "rpa:finance.match:1", "rpa:finance.write-report:1");

  public static final String ROBOT_MAIL = "robot@kestrel.example";
  public static final String ACCOUNTING_MAIL = "accounting@kestrel.example";
  public static final String LEAD_MAIL = "accounting-lead@kestrel.example";
  public static final String BANK_MAIL = "statements@demobank.example";
  static final String MAIL_LOGIN = "robot";

  private final LoopbackPeers peers;
  private final ScenarioWorkers workers;
  private final Path root;
  private final CamundaClient client;

  private ReconciliationStack(Builder builder) throws IOException {
    this.client = builder.client;
    this.root = builder.root;
    peers = LoopbackPeers.start(root, ROBOT_MAIL, MAIL_LOGIN, builder.portalStatements);
    Path samples = Files.createDirectories(root.resolve("samples"));
    for (Map.Entry<String, byte[]> file : builder.sampleFiles.entrySet()) {
      Files.write(samples.resolve(file.getKey()), file.getValue());
    }
    WorkerRuntime.Builder runtime = peers.runtime(client, root, builder.observer()).area("samples", samples);
    try {
      writeSettings("portal", "camt053", "htmlunit");
      workers = ScenarioWorkers.start(runtime, MODEL, JOB_TYPES, builder.backoff(), this::settings, Map.of());
    } catch (IOException | RuntimeException e) {
      peers.close();
      throw e;
    }
  }

  /**
   * The workers' settings: none, except that the statement parser remembers delivered statements in
   * this stack's own state folder (its default, {@code data/} below the working directory, would
   * outlive the stack and refuse the next run's statement as a duplicate).
   */
  private WorkerSettings settings(String type, String section) {
    if (type.equals("rpa:finance.parse-statement:1")) {
      return new WorkerSettings(type, section, json().createObjectNode()
          .put("deliveryStore", root.resolve("state").resolve("statement-deliveries.db").toString()));
    }
    return WorkerSettings.none(type, section);
  }

  public static Builder builder(CamundaClient client, Path root) {
    return new Builder(client, root);
  }

  /** Deploys the model and the review form. */
  public DeploymentEvent deploy() {
    return client.newDeployResourceCommand()
        .addResourceBytes(ExampleResources.read(MODEL), "bank-reconciliation.bpmn")
        .addResourceBytes(ExampleResources.read(FORM), "bank-reconciliation-review.form")
        .send().join();
  }

  /**
   * The start variables that point the model at this stack.
   *
   * @param source {@code portal} or {@code mail}
   * @param format {@code camt053} or {@code mt940} (the portal's download link)
   * @param browser {@code htmlunit} or {@code chromium}
   */
  public Map<String, Object> variables(String source, String format, String browser) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("statementSource", source);
    variables.put("statementFormat", format);
    variables.putAll(peers.variables(browser, MAIL_LOGIN));
    variables.put("bankMailFrom", BANK_MAIL);
    variables.put("robotMail", "Engranaje robot <" + ROBOT_MAIL + ">");
    variables.put("accountingMail", ACCOUNTING_MAIL);
    variables.put("escalationMail", LEAD_MAIL);
    variables.put("ledgerFile", "samples:ledger.xlsx");
    variables.put("ledgerMapping", "samples:ledger-mapping.yaml");
    variables.put("matchRules", "samples:match-rules.yaml");
    return variables;
  }

  /**
   * Writes the settings file the model's first task loads ({@code config:bank-reconciliation.yaml}):
   * the {@linkplain #variables(String, String, String) start variables}, so that a run the 07:00
   * timer starts finds these peers.
   *
   * @return the file written
   */
  public Path writeSettings(String source, String format, String browser) throws IOException {
    return InstallationSettings.write(root, PROCESS_ID, variables(source, format, browser));
  }

  /** Puts a mail from the bank with {@code statement} attached into the robot's inbox. */
  public void mailStatement(String fileName, byte[] statement) {
    GreenMailUtil.sendAttachmentEmail(ROBOT_MAIL, BANK_MAIL, "Your account statement " + fileName,
        "Dear customer, please find your account statement attached.", statement, "application/octet-stream",
        fileName, "Account statement", peers.mail().getSmtp().getServerSetup());
  }

  public BankPortal portal() {
    return peers.portal();
  }

  public GreenMail mail() {
    return peers.mail();
  }

  /** Mails that reached anyone but the robot (the bank's statement mails are not counted). */
  public List<MimeMessage> sentMails() {
    List<MimeMessage> sent = new ArrayList<>();
    for (MimeMessage message : peers.mail().getReceivedMessages()) {
      try {
        if (!message.getFrom()[0].toString().contains(BANK_MAIL)) {
          sent.add(message);
        }
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return sent;
  }

  /** The instance workspaces' root, below which reports and evidence are written. */
  public Path workspaceRoot() {
    return root.resolve("work");
  }

  public Path root() {
    return root;
  }

  @Override
  public void close() {
    ScenarioWorkers.closeAll(workers, peers);
  }

  /** A sample file bundled with the examples (from {@code examples/bank-reconciliation/}). */
  public static byte[] sample(String name) {
    return ExampleResources.read("bank-reconciliation/" + name);
  }

  static ObjectMapper json() {
    return new ObjectMapper();
  }

  /** Builder; by default the month's sample statement on the portal, the month's ledger. */
  public static final class Builder extends StackOptions<Builder> {
    private final CamundaClient client;
    private final Path root;
    private final List<PortalStatement> portalStatements = new ArrayList<>();
    private final Map<String, byte[]> sampleFiles = new LinkedHashMap<>();

    private Builder(CamundaClient client, Path root) {
      this.client = client;
      this.root = root;
      sampleFiles.put("ledger-mapping.yaml", sample("ledger-mapping.yaml"));
      sampleFiles.put("match-rules.yaml", sample("match-rules.yaml"));
    }

    /** The month's data set: the portal offers its statement, the ledger is its export. */
    public Builder month() {
      return statement(new PortalStatement(SampleDataGenerator.MONTH_STATEMENT, LocalDate.of(2026, 11, 30),
          SampleData.ACCOUNT_IBAN, 312, sample("statement-2026-11.camt053.xml"), sample("statement-2026-11.mt940.sta")))
          .ledger(sample("ledger-open-items-2026-11.xlsx"));
    }

    /** The small data set (one or two of each case). */
    public Builder small() {
      return statement(new PortalStatement(SampleDataGenerator.SMALL_STATEMENT, LocalDate.of(2026, 11, 30),
          SampleData.ACCOUNT_IBAN, 13, sample("small/statement-small.camt053.xml"), sample("small/statement-small.mt940.sta")))
          .ledger(sample("small/ledger-small.xlsx"));
    }

    public Builder statement(PortalStatement statement) {
      portalStatements.add(statement);
      return this;
    }

    public Builder ledger(byte[] xlsx) {
      sampleFiles.put("ledger.xlsx", xlsx);
      return this;
    }

    @Override
    protected Builder self() {
      return this;
    }

    public ReconciliationStack start() throws IOException {
      return new ReconciliationStack(this);
    }
  }
}
