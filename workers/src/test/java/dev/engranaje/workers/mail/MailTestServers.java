package dev.engranaje.workers.mail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.JobInfo;
import dev.engranaje.workers.api.Secret;
import dev.engranaje.workers.ledger.IdempotencyLedger;
import dev.engranaje.workers.secrets.Redactor;
import dev.engranaje.workers.secrets.SecretResolver;
import dev.engranaje.workers.secrets.SecretSource;
import dev.engranaje.workers.workspace.Workspace;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * GreenMail on 127.0.0.1 with random ports for SMTP, SMTPS, IMAP and IMAPS, serving TLS with a test
 * certificate for localhost/127.0.0.1 (tests/resources/mail/tls), which the client side trusts
 * explicitly through {@link MailSettings#trusting}: server identity stays verified in tests too.
 */
final class MailTestServers {
  static final String USER = "bot@example.com";
  static final String LOGIN = "bot";
  static final String PASSWORD = "Gr33n-M4il-s3cret!";
  static final String SECRET_NAME = "MAIL_PASSWORD";
  static final String HOST = "127.0.0.1";

  static {
    // read once per JVM by GreenMail's TLS server socket factory, so set before any server starts
    System.setProperty("greenmail.tls.keystore.file", resource("mail/tls/test-server.p12").toString());
    System.setProperty("greenmail.tls.keystore.password", "engranaje-test");
    System.setProperty("greenmail.tls.key.password", "engranaje-test");
  }

  private MailTestServers() {}

  static GreenMailExtension greenMail() {
    ServerSetup[] setups = {setup(ServerSetup.PROTOCOL_SMTP), setup(ServerSetup.PROTOCOL_SMTPS),
        setup(ServerSetup.PROTOCOL_IMAP), setup(ServerSetup.PROTOCOL_IMAPS)};
    return new GreenMailExtension(setups).withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, LOGIN, PASSWORD))
        .withPerMethodLifecycle(true);
  }

  // a generous bound on server start: the build machine is shared, and a TLS server's first start is slow
  private static ServerSetup setup(String protocol) {
    ServerSetup setup = new ServerSetup(0, HOST, protocol).dynamicPort();
    setup.setServerStartupTimeout(30_000);
    return setup;
  }

  static Path resource(String name) {
    try {
      return Path.of(MailTestServers.class.getClassLoader().getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Client settings trusting exactly the test certificate. */
  static MailSettings trusted() {
    try {
      return MailSettings.trusting(resource("mail/tls/test-server.crt"));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Secret password() {
    return new Secret(SECRET_NAME, PASSWORD);
  }

  static ObjectMapper json() {
    return new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }

  /** A job context as the runtime builds it, for calling a worker directly. */
  static JobContext context(String jobType, long jobKey, Path workspaceRoot, IdempotencyLedger ledger) {
    JobInfo job = new JobInfo(jobKey, jobType, 4711L, "mail-test", "task", 3, Map.of());
    SecretResolver secrets = new SecretResolver(SecretSource.of(Map.of(SECRET_NAME, PASSWORD)), new Redactor());
    return new JobContext(job, Workspace.forInstance(workspaceRoot, 4711L, Map.of()), secrets, ledger, json(),
        Clock.systemUTC());
  }
}
