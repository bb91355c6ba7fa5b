package dev.engranaje.workers.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.engranaje.test.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.engranaje.engine.record.Record;
import dev.engranaje.test.ProcessInstance;
import dev.engranaje.test.ProcessTest;
import dev.engranaje.test.ProcessTestEngine;
import dev.engranaje.workers.http.SendHttpRequestWorker;
import dev.engranaje.workers.ledger.SqliteIdempotencyLedger;
import dev.engranaje.workers.mail.SendMailWorker;
import dev.engranaje.workers.runtime.WorkerRuntime;
import dev.engranaje.workers.secrets.SecretSource;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bots issue, Must show 3: a process that uses secrets throughout — a portal login (web), a payment
 * POST with basic auth (HTTP), a mail over authenticated SMTP, and an API call whose error page echoes
 * the bearer token (an incident) — through the real client, the embedded engine and real peers. No
 * secret value may appear in any log line, variable, record, incident message or workspace file
 * name.
 */
@ProcessTest
class SecretsThroughoutEndToEndTest {
  private static final String PORTAL_PASSWORD = "Portal-Pass-4471";
  private static final String ERP_PASSWORD = "Erp-Basic-Pass-9921";
  private static final String SMTP_PASSWORD = "Smtp-Login-Pass-3307";
  private static final String API_TOKEN = "api-token-6f1c2b9e";
  private static final List<String> SECRET_VALUES = List.of(PORTAL_PASSWORD, ERP_PASSWORD, SMTP_PASSWORD, API_TOKEN,
      Base64.getEncoder().encodeToString(("erp-bot:" + ERP_PASSWORD).getBytes(StandardCharsets.UTF_8)));

  @TempDir Path root;
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();
  private PrintStream originalErr;
  private PrintStream originalOut;
  ProcessTestEngine engine;
  private PortalServer portal;
  private WireMockServer erp;
  private GreenMail mail;
  private SqliteIdempotencyLedger ledger;
  private WorkerRuntime runtime;
  private RunWebScriptWorker web;

  @BeforeEach
  void start() throws IOException {
    originalErr = System.err;
    originalOut = System.out;
    PrintStream tee = new PrintStream(console, true, StandardCharsets.UTF_8);
    System.setErr(tee);
    System.setOut(tee);
    portal = new PortalServer(PORTAL_PASSWORD);
    erp = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
    erp.start();
    erp.stubFor(post(urlEqualTo("/payments")).withBasicAuth("erp-bot", ERP_PASSWORD)
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("{\"id\":\"PAY-1\"}")));
    erp.stubFor(get(urlEqualTo("/profile")).withHeader("Authorization", equalTo("Bearer " + API_TOKEN))
        .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "text/plain")
            .withBody("Token {{request.headers.Authorization}} may not read profiles").withTransformers("response-template")));
    mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    mail.start();
    mail.setUser("bot@example.com", "bot", SMTP_PASSWORD);
    ledger = SqliteIdempotencyLedger.open(root.resolve("ledger.db"), Clock.systemUTC());
    web = new RunWebScriptWorker();
    runtime = WorkerRuntime.builder(engine.client()).ledger(ledger).workspaceRoot(root.resolve("workspaces"))
        .secrets(SecretSource.of(Map.of("PORTAL_PASSWORD", PORTAL_PASSWORD, "ERP_PASSWORD", ERP_PASSWORD,
            "SMTP_PASSWORD", SMTP_PASSWORD, "API_TOKEN", API_TOKEN)))
        .worker(web).worker(new SendHttpRequestWorker()).worker(new SendMailWorker()).build();
    for (String type : runtime.jobTypes()) {
      engine.worker(type, runtime.handler(type));
    }
  }

  @AfterEach
  void stop() {
    runtime.close();
    web.close();
    ledger.close();
    mail.stop();
    erp.stop();
    portal.close();
    System.setErr(originalErr);
    System.setOut(originalOut);
  }

  @Test
  void shouldNeverShowASecretValueWhenEveryWorkerUsesSecrets() throws Exception {
    String processId = ProcessTestEngine.uniqueId("secrets");
    engine.deploy(supplierPayment(processId));

    ProcessInstance paid = engine.startInstance(processId, Map.of("portal", portal.url(), "erp", erp.baseUrl(),
        "smtpPort", mail.getSmtp().getPort(), "readProfile", false));
    assertThat(paid).isCompleted().hasPassedElementsInOrder("sign-in", "pay", "notify");
    Map<String, Object> variables = assertThat(paid).variables();
    ProcessInstance refused = engine.startInstance(processId, Map.of("portal", portal.url(), "erp", erp.baseUrl(),
        "smtpPort", mail.getSmtp().getPort(), "readProfile", true));
    assertThat(refused).hasIncidentOn("profile");
    List<Incident> incidents = engine.incidents(refused.key());

    // the secrets were really used: the portal let us in, the ERP took the payment, the mail went out
    assertThat(variables).containsEntry("paymentId", "PAY-1");
    assertThat(variables.get("portalPage").toString()).contains("Welcome");
    erp.verify(1, postRequestedFor(urlEqualTo("/payments")));
    assertThat(mail.getReceivedMessages()).hasSize(1);
    assertThat(incidents).singleElement().satisfies(incident ->
        assertThat(incident.getErrorMessage()).contains("403", "Token Bearer ***"));

    // and no secret value leaked anywhere
    assertNoSecretIn("the incident messages", incidents.stream().map(Incident::getErrorMessage).toList().toString());
    assertNoSecretIn("the variables of the first instance", variables.toString());
    String recordLog = recordLog();
    assertThat(recordLog).as("the record log carries variable values").contains("PAY-1", "Token Bearer ***");
    assertNoSecretIn("the record log (every variable, job and incident record)", recordLog);
    assertNoSecretIn("the log output", console.toString(StandardCharsets.UTF_8));
    assertNoSecretIn("the workspace file names", workspaceFileNames());
    assertThat(console.toString(StandardCharsets.UTF_8)).as("the log output").isNotBlank();
  }

  private static BpmnModelInstance supplierPayment(String processId) {
    String script = "steps:\\n"
        + "  - open: \\\"${portal}/login\\\"\\n"
        + "  - type: {target: \\\"css=#user\\\", text: \\\"clerk\\\"}\\n"
        + "  - type: {target: \\\"css=#password\\\", text: \\\"{{secrets.PORTAL_PASSWORD}}\\\"}\\n"
        + "  - click: \\\"text=Sign in\\\"\\n"
        + "  - waitFor: {visible: \\\"css=#welcome\\\"}\\n"
        + "  - extract: {text: \\\"css=#welcome\\\", as: welcome}\\n";
    return Bpmn.createExecutableProcess(processId).startEvent().exclusiveGateway().defaultFlow()
        .serviceTask("sign-in", t -> t.zeebeJobType("rpa:web.run-script:1")
            .zeebeInputExpression("\"" + script + "\"", "script")
            .zeebeInputExpression("{portal: portal}", "variables")
            .zeebeOutputExpression("extracted.welcome", "portalPage"))
        .serviceTask("pay", t -> t.zeebeJobType("rpa:http.request:1")
            .zeebeInputExpression("\"POST\"", "method")
            .zeebeInputExpression("erp + \"/payments\"", "url")
            .zeebeInputExpression("\"basic\"", "authType")
            .zeebeInputExpression("\"erp-bot\"", "username")
            .zeebeInputExpression("\"secrets.ERP_PASSWORD\"", "password")
            .zeebeInputExpression("{iban: \"DE02120300000000202051\", amount: 120.5}", "body")
            .zeebeInputExpression("{paymentId: \"/id\"}", "responseMapping")
            .zeebeOutputExpression("paymentId", "paymentId"))
        .serviceTask("notify", t -> t.zeebeJobType("rpa:mail.send:1")
            .zeebeInputExpression("\"127.0.0.1\"", "host")
            .zeebeInputExpression("smtpPort", "port")
            .zeebeInputExpression("\"none\"", "security")
            .zeebeInputExpression("\"bot\"", "username")
            .zeebeInputExpression("\"{{secrets.SMTP_PASSWORD}}\"", "password")
            .zeebeInputExpression("\"bot@example.com\"", "from")
            .zeebeInputExpression("\"ap@example.com\"", "to")
            .zeebeInputExpression("\"Payment {{id}} sent\"", "subject")
            .zeebeInputExpression("\"Paid.\"", "textBody")
            .zeebeInputExpression("{id: paymentId}", "values"))
        .endEvent()
        .moveToLastExclusiveGateway().conditionExpression("readProfile")
        .serviceTask("profile", t -> t.zeebeJobType("rpa:http.request:1")
            .zeebeInputExpression("erp + \"/profile\"", "url")
            .zeebeInputExpression("\"bearer\"", "authType")
            .zeebeInputExpression("\"secrets.API_TOKEN\"", "token"))
        .endEvent().done();
  }

  private String recordLog() {
    StringBuilder text = new StringBuilder();
    for (Record record : engine.records().all()) {
      text.append(record).append('\n');
    }
    return text.toString();
  }

  private String workspaceFileNames() throws IOException {
    try (Stream<Path> files = Files.walk(root.resolve("workspaces"))) {
      return files.map(Path::toString).toList().toString();
    }
  }

  private static void assertNoSecretIn(String where, String text) {
    for (String secret : SECRET_VALUES) {
      assertThat(text).as(where).doesNotContain(secret);
    }
  }
}
