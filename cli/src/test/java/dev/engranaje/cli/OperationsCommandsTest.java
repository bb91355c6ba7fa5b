package dev.engranaje.cli;

import static dev.engranaje.cli.RpaRun.rpa;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engranaje.cli.RpaRun.Result;
import dev.engranaje.engine.Engine;
import dev.engranaje.engine.EngineOptions;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.UserTask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operator commands as a user types them, against an embedded engine reached only over REST:
 * the official client sets the scene (instances, failed jobs), {@code rpa} lists and repairs.
 */
class OperationsCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Engine engine;
  private String address;
  private CamundaClient client;

  @BeforeEach
  void startEngine() {
    engine = Engine.start(EngineOptions.builder().inMemory().port(0).build());
    address = engine.restAddress().toString();
    client = CamundaClient.newClientBuilder().restAddress(engine.restAddress()).build();
    assertThat(rpa("deploy", RpaRun.resource("/ops/ops-order.bpmn").toString(), "--address", address).exitCode()).isZero();
  }

  @AfterEach
  void stopEngine() {
    client.close();
    engine.close();
  }

  @Test
  void shouldListIncidentsAndInstancesAndRetryEveryMatchingIncidentAsOneBatch() throws Exception {
    // given three orders whose card charge failed for good
    List<Long> keys = startOrdersWithFailedCharge("A-1", "A-2", "A-3");

    // when
    Result incidents = rpa("incidents", "--process", "ops-order", "--json", "--address", address);
    Result instances = rpa("instances", "--process", "ops-order", "--incident", "--address", address);
    Result unconfirmed = rpa("retry", "--all", "--process", "ops-order", "--address", address);
    Result retried = rpa("retry", "--all", "--process", "ops-order", "--yes", "--address", address);

    // then the listings show them
    JsonNode listed = JSON.readTree(incidents.out());
    assertThat(listed.get("totalItems").asInt()).isEqualTo(3);
    assertThat(listed.get("items")).extracting(item -> item.get("processInstanceKey").asText())
        .containsExactlyInAnyOrderElementsOf(keys.stream().map(String::valueOf).toList());
    assertThat(listed.get("items").get(0).get("errorType").asText()).isEqualTo("JOB_NO_RETRIES");
    assertThat(listed.get("items").get(0).get("errorMessage").asText()).isEqualTo("Card declined");
    assertThat(listed.get("items").get(0).get("elementId").asText()).isEqualTo("charge");
    assertThat(instances.out().lines().findFirst().orElseThrow())
        .matches("KEY +PROCESS +VERSION +STATE +INCIDENT +STARTED +ENDED +PARENT");
    assertThat(instances.out()).contains(String.valueOf(keys.get(0)), "ops-order", "ACTIVE", "yes");
    // and nothing changes without a confirmation
    assertThat(unconfirmed.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(unconfirmed.err()).contains("This will retry 3 incidents (state ACTIVE, process 'ops-order')", "pass --yes");
    // and the batch reports progress, each incident and the count
    assertThat(retried.exitCode()).as(retried.err()).isZero();
    assertThat(retried.err()).contains("Retried 3/3 (100%), 0 failed");
    assertThat(retried.out()).contains("Resolved 3 of 3 incidents; 0 failed.").contains("resolved");
    assertThat(client.newIncidentSearchRequest().filter(f -> f.state(IncidentState.ACTIVE)).send().join().items()).isEmpty();
    List<ActivatedJob> again = activate(3);
    assertThat(again).extracting(ActivatedJob::getRetries).containsOnly(1);
  }

  @Test
  void shouldReportProgressAboutEveryTenthAndAResultPerIncidentForALargeBatch() throws Exception {
    // given
    String[] orders = new String[200];
    for (int i = 0; i < orders.length; i++) {
      orders[i] = "L-" + i;
    }
    startOrdersWithFailedCharge(orders);

    // when
    Result retried = rpa("retry", "--all", "--error-type", "job_no_retries", "--yes", "--json", "--address", address);

    // then
    assertThat(retried.exitCode()).as(retried.err()).isZero();
    assertThat(retried.err().lines().filter(line -> line.startsWith("Retried "))).hasSize(10)
        .contains("Retried 20/200 (10%), 0 failed", "Retried 200/200 (100%), 0 failed");
    JsonNode result = JSON.readTree(retried.out());
    assertThat(result.get("resolved").asInt()).isEqualTo(200);
    assertThat(result.get("failed").asInt()).isZero();
    assertThat(result.get("items")).hasSize(200);
    assertThat(client.newIncidentSearchRequest().filter(f -> f.state(IncidentState.ACTIVE)).send().join().page()
        .totalItems()).isZero();
  }

  @Test
  void shouldRetryAProcessIncidentsAsOneEngineBatchAndListItInBatchesAndTheAuditLog() throws Exception {
    // given
    String[] orders = new String[150];
    for (int i = 0; i < orders.length; i++) {
      orders[i] = "S-" + i;
    }
    startOrdersWithFailedCharge(orders);

    // when
    Result retried = rpa("retry", "--all", "--process", "ops-order", "--yes", "--json", "--address", address);
    Result batches = rpa("batches", "--json", "--address", address);
    Result batchTable = rpa("batches", "--address", address);
    Result audit = rpa("audit", "--operation", "create", "--json", "--address", address);

    // then
    assertThat(retried.exitCode()).as(retried.err()).isZero();
    assertThat(retried.err()).contains("Started batch operation ", "Retried 150/150 (100%), 0 failed");
    JsonNode result = JSON.readTree(retried.out());
    String key = result.get("batchOperationKey").asText();
    assertThat(result.get("state").asText()).isEqualTo("COMPLETED");
    assertThat(result.get("resolved").asInt()).isEqualTo(150);
    assertThat(result.get("items")).hasSize(150)
        .allSatisfy(item -> assertThat(item.get("result").asText()).isEqualTo("resolved"));
    assertThat(activate(150)).extracting(ActivatedJob::getRetries).containsOnly(1);
    JsonNode listed = JSON.readTree(batches.out()).get("items").get(0);
    assertThat(listed.get("batchOperationKey").asText()).isEqualTo(key);
    assertThat(listed.get("type").asText()).isEqualTo("RESOLVE_INCIDENT");
    assertThat(listed.get("operationsCompletedCount").asInt()).isEqualTo(150);
    assertThat(batchTable.out().lines().findFirst().orElseThrow())
        .matches("KEY +TYPE +STATE +TOTAL +DONE +FAILED +BY +STARTED +ENDED");
    assertThat(JSON.readTree(audit.out()).get("items")).anySatisfy(entry -> {
      assertThat(entry.get("entityType").asText()).isEqualTo("BATCH");
      assertThat(entry.get("entityKey").asText()).isEqualTo(key);
      assertThat(entry.get("actorId").asText()).isEqualTo("anonymous");
      assertThat(entry.get("result").asText()).isEqualTo("SUCCESS");
    });
  }

  @Test
  void shouldRetryTheIncidentsOfOneInstanceAndReportAFailureForAnIncidentAlreadyResolved() throws Exception {
    // given
    List<Long> keys = startOrdersWithFailedCharge("B-1", "B-2");
    long incident = incidentOf(keys.get(0));

    // when
    Result byInstance = rpa("retry", "--instance", String.valueOf(keys.get(0)), "--retries", "2", "--json",
        "--address", address);
    Result again = rpa("retry", String.valueOf(incident), "--address", address);

    // then
    assertThat(byInstance.exitCode()).as(byInstance.err()).isZero();
    JsonNode result = JSON.readTree(byInstance.out());
    assertThat(result.get("resolved").asInt()).isEqualTo(1);
    assertThat(result.get("items").get(0).get("incidentKey").asText()).isEqualTo(String.valueOf(incident));
    assertThat(result.get("items").get(0).get("result").asText()).isEqualTo("resolved");
    assertThat(again.exitCode()).isEqualTo(ExitCodes.REFUSED);
    assertThat(again.out()).contains("failed", "Resolved 0 of 1 incident; 1 failed.");
    assertThat(client.newIncidentSearchRequest().filter(f -> f.state(IncidentState.ACTIVE)).send().join().items())
        .extracting(i -> i.getProcessInstanceKey()).containsExactly(keys.get(1));
  }

  @Test
  void shouldShowOneInstanceWithItsIncidentVariablesAndWhatTheEngineCannotShowYet() throws Exception {
    // given
    long key = startOrdersWithFailedCharge("C-1").get(0);

    // when
    Result text = rpa("instance", String.valueOf(key), "--address", address);
    Result json = rpa("instance", String.valueOf(key), "--json", "--address", address);

    // then
    assertThat(text.exitCode()).as(text.err()).isZero();
    assertThat(text.out()).contains("Process instance " + key + " of 'ops-order' version 1: ACTIVE, with incident",
        "Incidents", "JOB_NO_RETRIES", "Card declined", "Variables", "orderId", "\"C-1\"");
    assertThat(text.out()).contains("charge", "Charge card", "SERVICE_TASK", "Path taken: start -> charge",
        "Sequence flows taken: to-charge");
    JsonNode document = JSON.readTree(json.out());
    assertThat(document.get("instance").get("processInstanceKey").asText()).isEqualTo(String.valueOf(key));
    assertThat(document.get("instance").get("state").asText()).isEqualTo("ACTIVE");
    assertThat(document.get("variables").get(0).get("name").asText()).isEqualTo("orderId");
    assertThat(document.get("variables").get(0).get("value").asText()).isEqualTo("C-1");
    assertThat(document.get("incidents")).hasSize(1);
    assertThat(document.get("path")).extracting(JsonNode::asText).containsExactly("start", "charge");
    assertThat(document.get("elements").get(1).get("incidentKey").asText())
        .isEqualTo(document.get("incidents").get(0).get("incidentKey").asText());
    assertThat(document.get("unavailable")).isEmpty();
  }

  @Test
  void shouldShowTheElementTreeThePathAndTheDecisionOfAFinishedInstance() throws Exception {
    // given an instance that ran a sub-process with a decision in it and completed
    deploy("/ops/order-level.dmn", "/ops/ops-review.bpmn");
    long key = client.newCreateInstanceCommand().bpmnProcessId("ops-review").latestVersion()
        .variables(Map.of("amount", 1500)).withResult().send().join().getProcessInstanceKey();

    // when
    Result text = rpa("instance", String.valueOf(key), "--address", address);
    JsonNode json = JSON.readTree(rpa("instance", String.valueOf(key), "--json", "--address", address).out());
    Result evaluations = rpa("decisions", "evaluations", "--instance", String.valueOf(key), "--address", address);

    // then the scope's children are indented under it, in the order they ran
    assertThat(text.exitCode()).as(text.err()).isZero();
    assertThat(text.out()).contains("Process instance " + key + " of 'ops-review' version 1: COMPLETED", ", ended ");
    List<String> rows = text.out().lines().dropWhile(line -> !line.startsWith("ELEMENT")).skip(1)
        .takeWhile(line -> !line.isBlank()).map(line -> line.substring(0, line.indexOf("  ", 2)).stripTrailing()).toList();
    assertThat(rows).containsExactly("start", "review", "  review-start", "  level", "  review-end", "end");
    assertThat(text.out()).contains("Path taken: start -> review -> review-start -> level -> review-end -> end");
    JsonNode review = json.get("elements").get(1);
    assertThat(review.get("type").asText()).isEqualTo("SUB_PROCESS");
    assertThat(review.get("children")).extracting(child -> child.get("elementId").asText())
        .containsExactly("review-start", "level", "review-end");
    assertThat(json.get("sequenceFlows")).extracting(JsonNode::asText)
        .containsExactlyInAnyOrder("to-review", "to-level", "to-review-end", "to-end");
    assertThat(evaluations.out()).contains("order-level", "EVALUATED", "\"large\"");
  }

  @Test
  void shouldListJobsProcessesAndDecisionsWithTheirFilters() throws Exception {
    // given
    deploy("/ops/order-level.dmn", "/ops/ops-review.bpmn");
    long failed = startOrdersWithFailedCharge("J-1").get(0);

    // when
    JsonNode jobs = JSON.readTree(rpa("jobs", "--type", "ops:charge", "--json", "--address", address).out());
    Result processes = rpa("processes", "--address", address);
    Result decisions = rpa("decisions", "--id", "order-level", "--address", address);

    // then
    assertThat(jobs.get("items")).hasSize(1);
    JsonNode job = jobs.get("items").get(0);
    assertThat(job.get("processInstanceKey").asText()).isEqualTo(String.valueOf(failed));
    assertThat(job.get("state").asText()).isEqualTo("FAILED");
    assertThat(job.get("retries").asInt()).isZero();
    assertThat(job.get("errorMessage").asText()).isEqualTo("Card declined");
    assertThat(processes.out()).contains("ops-order", "Order (operations test)", "ops-review", "ops-review.bpmn");
    assertThat(decisions.out()).contains("order-level", "Order level", "order-level-definitions");
  }

  @Test
  void shouldFilterInstancesByStateVersionVariableAndStartTime() throws Exception {
    // given one finished review and two orders
    deploy("/ops/order-level.dmn", "/ops/ops-review.bpmn");
    long review = client.newCreateInstanceCommand().bpmnProcessId("ops-review").latestVersion()
        .variables(Map.of("amount", 10)).withResult().send().join().getProcessInstanceKey();
    long first = startOrder("K-1");
    long second = startOrder("K-2");

    // when / then
    assertThat(keys(rpa("instances", "--state", "completed", "--json", "--address", address))).containsExactly(review);
    assertThat(keys(rpa("instances", "--var", "orderId=K-2", "--json", "--address", address))).containsExactly(second);
    assertThat(keys(rpa("instances", "--process", "ops-order", "--process-version", "1", "--json", "--address", address)))
        .containsExactlyInAnyOrder(first, second);
    assertThat(keys(rpa("instances", "--started-after", "1h", "--no-incident", "--json", "--address", address)))
        .containsExactlyInAnyOrder(review, first, second);
    assertThat(keys(rpa("instances", "--started-before", "2000-01-01", "--json", "--address", address))).isEmpty();
    assertThat(keys(rpa("instances", "--limit", "1", "--json", "--address", address))).hasSize(1);
  }

  @Test
  void shouldFixAVariableThenRetryWhenTheFailureWasTheInput() throws Exception {
    // given
    long key = startOrdersWithFailedCharge("D-1").get(0);

    // when
    Result set = rpa("set-variable", String.valueOf(key), "card={\"number\":\"4111\",\"valid\":true}", "--address", address);
    Result variables = rpa("variables", "--instance", String.valueOf(key), "--name", "card", "--json", "--address", address);

    // then
    assertThat(set.exitCode()).as(set.err()).isZero();
    assertThat(set.out()).contains("Set card on scope " + key);
    JsonNode value = JSON.readTree(variables.out()).get("items").get(0).get("value");
    assertThat(value.get("number").asText()).isEqualTo("4111");
    assertThat(value.get("valid").asBoolean()).isTrue();
  }

  @Test
  void shouldCompleteTheUserTaskFromTheCliAndFinishTheOrderWithAMessage() throws Exception {
    // given an order waiting at its approval
    long key = startOrder("E-1");
    ActivatedJob charge = activate(1).get(0);
    client.newCompleteCommand(charge.getKey()).send().join();
    long task = awaitTask(key).getUserTaskKey();

    // when
    Result open = rpa("tasks", "--process", "ops-order", "--address", address);
    Result assigned = rpa("task", "assign", String.valueOf(task), "ada", "--address", address);
    Result mine = rpa("tasks", "--assignee", "ada", "--json", "--address", address);
    Result completed = rpa("task", "complete", String.valueOf(task), "--var", "approved=true", "--address", address);
    Result published = rpa("publish", "paid", "--correlation-key", "E-1", "--var", "paidAt=\"2026-12-07\"", "--ttl", "PT1H",
        "--message-id", "paid-E-1",
        "--address", address);

    // then
    assertThat(open.out()).as(open.err()).contains(String.valueOf(task), "approve", "finance");
    assertThat(assigned.out()).contains("Assigned user task " + task + " to ada");
    assertThat(JSON.readTree(mine.out()).get("items").get(0).get("userTaskKey").asText()).isEqualTo(String.valueOf(task));
    assertThat(completed.exitCode()).as(completed.err()).isZero();
    assertThat(completed.out()).contains("Completed user task " + task + " with approved");
    assertThat(published.exitCode()).as(published.err()).isZero();
    assertThat(published.out()).contains("Published message 'paid'", "correlation key 'E-1'");
    assertThat(awaitState(key)).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldCancelAnInstanceAndRefuseToCancelItTwice() {
    // given
    long key = startOrder("F-1");

    // when
    Result first = rpa("cancel", String.valueOf(key), "--address", address);
    Result second = rpa("cancel", String.valueOf(key), "--address", address);

    // then
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).contains("Cancelled process instance " + key);
    assertThat(second.exitCode()).isEqualTo(ExitCodes.REFUSED);
    assertThat(second.err()).contains("Could not cancel process instance " + key);
  }

  @Test
  void shouldShowTheOpenIncidentsWhenWatchingStarts() throws Exception {
    // given
    long key = startOrdersWithFailedCharge("G-1").get(0);

    // when
    Result watch = rpa("watch", "--process", "ops-order", "--polls", "1", "--address", address);

    // then
    assertThat(watch.exitCode()).as(watch.err()).isZero();
    assertThat(watch.out()).contains("watching 'ops-order': 1 active instance (1 with an incident), 1 open incident",
        "open incident", "on instance " + key + ", element 'charge': Card declined");
  }

  private void deploy(String... resources) {
    for (String resource : resources) {
      Result deployed = rpa("deploy", RpaRun.resource(resource).toString(), "--address", address);
      assertThat(deployed.exitCode()).as(deployed.err()).isZero();
    }
  }

  private static List<Long> keys(Result listing) throws Exception {
    assertThat(listing.exitCode()).as(listing.err()).isZero();
    List<Long> keys = new ArrayList<>();
    JSON.readTree(listing.out()).get("items").forEach(item -> keys.add(Long.parseLong(item.get("processInstanceKey").asText())));
    return keys;
  }

  private long startOrder(String orderId) {
    return client.newCreateInstanceCommand().bpmnProcessId("ops-order").latestVersion()
        .variables(Map.of("orderId", orderId)).send().join().getProcessInstanceKey();
  }

  /** Starts one order per id and fails each charge job with no retries left: one incident each. */
  private List<Long> startOrdersWithFailedCharge(String... orderIds) throws InterruptedException {
    List<Long> keys = new ArrayList<>();
    for (String orderId : orderIds) {
      keys.add(startOrder(orderId));
    }
    for (ActivatedJob job : activate(orderIds.length)) {
      client.newFailCommand(job.getKey()).retries(0).errorMessage("Card declined").send().join();
    }
    while (client.newIncidentSearchRequest().filter(f -> f.processDefinitionId("ops-order").state(IncidentState.ACTIVE))
        .send().join().page().totalItems() < orderIds.length) {
      Thread.onSpinWait();
    }
    return keys;
  }

  private List<ActivatedJob> activate(int count) {
    List<ActivatedJob> jobs = new ArrayList<>();
    while (jobs.size() < count) {
      jobs.addAll(client.newActivateJobsCommand().jobType("ops:charge").maxJobsToActivate(count - jobs.size())
          .timeout(Duration.ofMinutes(5)).requestTimeout(Duration.ofSeconds(10)).send().join().getJobs());
    }
    return jobs;
  }

  private long incidentOf(long instanceKey) {
    return client.newIncidentSearchRequest().filter(f -> f.processInstanceKey(instanceKey)).send().join()
        .items().get(0).getIncidentKey();
  }

  private UserTask awaitTask(long instanceKey) {
    while (true) {
      List<UserTask> tasks = client.newUserTaskSearchRequest().filter(f -> f.processInstanceKey(instanceKey))
          .send().join().items();
      if (!tasks.isEmpty()) {
        return tasks.get(0);
      }
      Thread.onSpinWait();
    }
  }

  private ProcessInstanceState awaitState(long instanceKey) {
    while (true) {
      ProcessInstanceState state = client.newProcessInstanceGetRequest(instanceKey).send().join().getState();
      if (state != ProcessInstanceState.ACTIVE) {
        return state;
      }
      Thread.onSpinWait();
    }
  }
}
