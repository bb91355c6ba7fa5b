package dev.engranaje.engine.api.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.Engine;
import dev.engranaje.engine.EngineOptions;
import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The web console in headless Chromium against the embedded engine, logged in as a users-file user:
 * an operator repairs an incident from the instance page; a clerk completes a user task through
 * the task list and its form. Jobs are done by a real worker of the official client.
 */
class ConsoleBrowserTest {

  private static final String PASSWORD = "correct horse battery staple";
  private static final Pattern DECIMAL = Pattern.compile("\\d+\\.\\d{2}");
  private static final String FORM = """
      {
        "schemaVersion": 18,
        "id": "payment-approval",
        "type": "default",
        "components": [
          { "type": "text", "id": "intro", "text": "# Approve the payment\\nCheck the amount before you decide." },
          { "type": "textfield", "id": "amount", "key": "amount", "label": "Amount (EUR)", "readonly": true },
          { "type": "textarea", "id": "comment", "key": "comment", "label": "Comment", "validate": { "required": true } },
          { "type": "checkbox", "id": "approved", "key": "approved", "label": "Approve the payment" }
        ]
      }
      """;

  private Engine engine;
  private CamundaClient admin;
  private ConsoleBrowser browser;
  private String base;

  @BeforeEach
  void start(@TempDir Path dir) throws Exception {
    ConsoleBrowser.assumeAvailable();
    String hash = PasswordHash.of(PASSWORD.toCharArray(), 1_000).format();
    Path users = dir.resolve("users.yaml");
    Files.writeString(users, """
        groups:
          approvers: [task-user]
        users:
          olga: { password: "%1$s", roles: [operator] }
          carla: { password: "%1$s", groups: [approvers] }
        """.formatted(hash));
    engine = Engine.start(EngineOptions.builder().inMemory().port(0)
        .apiAccess(new ApiAccess("root", "root-secret", false).withUsers(ApiUsers.load(users))).build());
    base = engine.restAddress().toString();
    admin = CamundaClient.newClientBuilder().restAddress(engine.restAddress()).grpcAddress(engine.restAddress())
        .preferRestOverGrpc(true).credentialsProvider(CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
            .username("root").password("root-secret").build()).build();
    browser = ConsoleBrowser.start();
  }

  @AfterEach
  void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (admin != null) {
      admin.close();
    }
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void shouldLetAnOperatorFixTheVariableOfAnIncidentRetryAndSeeTheInstanceComplete() throws Exception {
    // given an invoice check whose worker refuses an amount that is not a decimal string
    admin.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("invoice-check")
        .name("Invoice check").startEvent("received").serviceTask("check-amount", t -> t.name("Check amount")
            .zeebeJobType("check-amount")).endEvent("checked").done(), "invoice-check.bpmn").send().join();
    long key = admin.newCreateInstanceCommand().bpmnProcessId("invoice-check").latestVersion()
        .variables(Map.of("amount", "twelve", "supplier", "ACME")).send().join().getProcessInstanceKey();
    try (JobWorker worker = admin.newWorker().jobType("check-amount").handler((client, job) -> {
      Object amount = job.getVariablesAsMap().get("amount");
      if (!(amount instanceof String text) || !DECIMAL.matcher(text).matches()) {
        client.newFailCommand(job).retries(0).errorMessage("Expected the amount as a decimal string like \"120.50\","
            + " but got '" + amount + "'").send().join();
        return;
      }
      client.newCompleteCommand(job).variables(Map.of("checked", true)).send().join();
    }).pollInterval(Duration.ofMillis(100)).open()) {

      // when the operator finds the instance with the incident from the processes page
      browser.login(base, "olga", PASSWORD);
      WebElement withIncident = browser.await(By.cssSelector("td.count-incident a"));
      browser.screenshot("console-processes.png");
      withIncident.click();
      WebElement instance = browser.await(By.linkText(Long.toString(key)));
      browser.screenshot("console-instances.png");
      instance.click();

      // then the diagram has the incident badge on the failed task, and the message is shown
      WebElement badge = browser.await(By.cssSelector("#diagram .incident-badge[data-element='check-amount']"));
      assertThat(badge.getText()).contains("1");
      assertThat(browser.await(By.cssSelector("#incidents .error-message")).getText())
          .contains("Expected the amount as a decimal string", "but got 'twelve'");
      browser.screenshot("console-instance.png");

      // when they fix the variable and retry
      browser.await(By.cssSelector("button[data-edit='amount']")).click();
      WebElement value = browser.await(By.cssSelector("#variables .editing textarea"));
      value.sendKeys(Keys.chord(Keys.CONTROL, "a"), "\"120.50\"");
      browser.driver.findElement(By.cssSelector("button[data-save='amount']")).click();
      browser.awaitText(By.id("variables"), "\"120.50\"");
      browser.await(By.cssSelector("button[data-retry]")).click();
      browser.await(By.id("confirm-yes")).click();
      browser.awaitText(By.id("confirm-results"), "1 done, 0 failed");
      browser.driver.findElement(By.id("confirm-no")).click();

      // then the instance completes, seen on the page (it refreshes by itself)
      browser.awaitText(By.cssSelector("main h1"), "COMPLETED");
      assertThat(browser.driver.findElements(By.cssSelector("#diagram .incident-badge"))).isEmpty();
    }
    assertThat(admin.newProcessInstanceGetRequest(key).send().join().getState())
        .isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(admin.newVariableSearchRequest().filter(f -> f.processInstanceKey(key).name("amount")).send().join()
        .items().get(0).getValue()).isEqualTo("\"120.50\"");
  }

  @Test
  void shouldLetAnApproverCompleteTheirGroupsUserTaskThroughItsFormAfterItsValidation() throws Exception {
    // given a payment approval for the approvers group, and one for another group
    admin.newDeployResourceCommand().addResourceBytes(FORM.getBytes(StandardCharsets.UTF_8), "payment-approval.form")
        .send().join();
    admin.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("payment-approval")
        .name("Payment approval").startEvent().userTask("approve", t -> t.name("Approve payment").zeebeUserTask()
            .zeebeFormId("payment-approval").zeebeCandidateGroups("approvers").zeebeInputExpression("=amount", "amount")).endEvent().done(),
        "payment-approval.bpmn").send().join();
    admin.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("audit")
        .startEvent().userTask("audit-books", t -> t.zeebeUserTask().zeebeCandidateGroups("auditors")).endEvent()
        .done(), "audit.bpmn").send().join();
    long key = admin.newCreateInstanceCommand().bpmnProcessId("payment-approval").latestVersion()
        .variables(Map.of("amount", "950.00")).send().join().getProcessInstanceKey();
    admin.newCreateInstanceCommand().bpmnProcessId("audit").latestVersion().send().join();

    // when the approver logs in: a task user lands on the task list, without the operators' pages
    browser.login(base, "carla", PASSWORD);
    browser.awaitText(By.cssSelector("main h1"), "Tasks");
    assertThat(browser.driver.findElement(By.cssSelector("[data-nav='processes']")).isDisplayed()).isFalse();
    browser.driver.findElement(By.linkText("Tasks")).click();

    // then only their group's task is there
    browser.await(By.cssSelector("a[data-task='approve']")).click();
    assertThat(browser.driver.findElements(By.cssSelector("a[data-task='audit-books']"))).isEmpty();

    // and claims it: the form shows the amount
    browser.await(By.id("claim")).click();
    browser.await(By.id("unclaim"));
    assertThat(admin.newUserTaskSearchRequest().filter(f -> f.processInstanceKey(key)).send().join().items())
        .extracting(io.camunda.client.api.search.response.UserTask::getAssignee).containsExactly("carla");
    WebElement amount = browser.await(By.cssSelector(".bpmn-form input[id$='amount']"));
    assertThat(amount.getAttribute("value")).isEqualTo("950.00");

    // then completing without the required comment is refused by the form's validation
    browser.await(By.id("complete")).click();
    browser.awaitText(By.id("task"), "fix the highlighted fields");
    assertThat(browser.driver.findElements(By.cssSelector(".bpmn-form .fjs-form-field-error"))).isNotEmpty();

    // when they fill it in and complete
    browser.driver.findElement(By.cssSelector(".bpmn-form textarea[id$='comment']")).sendKeys("Matches the order");
    browser.driver.findElement(By.cssSelector(".bpmn-form input[id$='approved']")).sendKeys(Keys.SPACE);
    browser.screenshot("console-tasks.png");
    browser.driver.findElement(By.id("complete")).click();

    // then the task leaves the list and the instance completes with the form's values
    browser.awaitGone(By.cssSelector("a[data-task='approve']"));
    io.camunda.client.api.search.response.ProcessInstance instance = awaitCompleted(key);
    assertThat(instance.getState()).isEqualTo(ProcessInstanceState.COMPLETED);
    Map<String, String> variables = new java.util.HashMap<>();
    admin.newVariableSearchRequest().filter(f -> f.processInstanceKey(key)).send().join().items()
        .forEach(v -> variables.put(v.getName(), v.getValue()));
    assertThat(variables).containsEntry("comment", "\"Matches the order\"").containsEntry("approved", "true");
  }

  private io.camunda.client.api.search.response.ProcessInstance awaitCompleted(long key) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    io.camunda.client.api.search.response.ProcessInstance instance;
    do {
      instance = admin.newProcessInstanceGetRequest(key).send().join();
    } while (instance.getState() != ProcessInstanceState.COMPLETED && System.nanoTime() < deadline
        && !Thread.currentThread().isInterrupted());
    return instance;
  }
}
