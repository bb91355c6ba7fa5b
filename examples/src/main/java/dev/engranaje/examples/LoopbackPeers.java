package dev.engranaje.examples;

import dev.engranaje.examples.bankportal.BankPortal;
import dev.engranaje.examples.bankportal.PortalStatement;
import dev.engranaje.workers.ledger.SqliteIdempotencyLedger;
import dev.engranaje.workers.runtime.JobObserver;
import dev.engranaje.workers.runtime.WorkerRuntime;
import dev.engranaje.workers.secrets.SecretSource;
import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a scenario's robot talks to, all on loopback: a mail server with the robot's mailbox, the mock
 * bank portal, and the idempotency ledger under {@code root/state}, with fresh passwords that reach
 * the workers only as the secrets {@code BANK_PORTAL_PASSWORD} and {@code MAIL_PASSWORD}.
 */
public final class LoopbackPeers implements AutoCloseable {
  private final RefusingGreenMail mail;
  private final BankPortal portal;
  private final SqliteIdempotencyLedger ledger;
  private final String portalPassword;
  private final String mailPassword;

  private LoopbackPeers(RefusingGreenMail mail, BankPortal portal, SqliteIdempotencyLedger ledger, String portalPassword,
      String mailPassword) {
    this.mail = mail;
    this.portal = portal;
    this.ledger = ledger;
    this.portalPassword = portalPassword;
    this.mailPassword = mailPassword;
  }

  /** Starts the mail server with {@code mailbox} (login {@code mailLogin}), the portal offering {@code statements}, and the ledger. */
  public static LoopbackPeers start(Path root, String mailbox, String mailLogin, List<PortalStatement> statements)
      throws IOException {
    String portalPassword = ExampleResources.password("Portal-");
    String mailPassword = ExampleResources.password("Mail-");
    RefusingGreenMail mail = ScenarioWorkers.loopbackMail();
    mail.setUser(mailbox, mailLogin, mailPassword);
    BankPortal portal;
    try {
      portal = BankPortal.start(portalPassword, statements);
    } catch (IOException | RuntimeException e) {
      mail.stop();
      throw e;
    }
    SqliteIdempotencyLedger ledger = SqliteIdempotencyLedger.open(root.resolve("state").resolve("ledger.db"), Clock.systemUTC());
    return new LoopbackPeers(mail, portal, ledger, portalPassword, mailPassword);
  }

  /**
   * A worker runtime for these peers: their ledger, workspaces under {@code root/work}, the settings
   * files in area {@code config} ({@code root/config}), the passwords as secrets.
   */
  public WorkerRuntime.Builder runtime(CamundaClient client, Path root, JobObserver observer) throws IOException {
    return WorkerRuntime.builder(client).ledger(ledger)
        .workspaceRoot(Files.createDirectories(root.resolve("work")))
        .area(InstallationSettings.AREA, Files.createDirectories(InstallationSettings.folder(root)))
        .secrets(SecretSource.of(Map.of("BANK_PORTAL_PASSWORD", portalPassword, "MAIL_PASSWORD", mailPassword)))
        .observer(observer);
  }

  /** The start variables that point a model at these peers: the browser, the portal, the mail server and its login. */
  public Map<String, Object> variables(String browser, String mailLogin) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("browser", browser);
    variables.put("bankPortalUrl", portal.url().toString());
    variables.put("bankPortalUser", BankPortal.USER);
    variables.put("mailHost", "127.0.0.1");
    variables.put("smtpPort", mail.getSmtp().getPort());
    variables.put("imapPort", mail.getImap().getPort());
    variables.put("mailSecurity", "none");
    variables.put("mailUser", mailLogin);
    return variables;
  }

  public RefusingGreenMail mail() {
    return mail;
  }

  public BankPortal portal() {
    return portal;
  }

  public SqliteIdempotencyLedger ledger() {
    return ledger;
  }

  @Override
  public void close() {
    ScenarioWorkers.closeAll(ledger, portal, mail::stop);
  }
}
