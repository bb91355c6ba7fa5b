package dev.engranaje.cli;

import static dev.engranaje.cli.RpaRun.rpa;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engranaje.cli.RpaRun.Result;
import dev.engranaje.engine.Engine;
import dev.engranaje.engine.EngineOptions;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code rpa modify} and {@code rpa migrate} as an operator types them, against an embedded engine
 * reached only over REST (the order process of the operations tests: charge, approve, paid).
 */
class RepairCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long WAIT_NANOS = 10_000_000_000L;

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
  void shouldSkipAStuckChargeByActivatingTheApprovalWithVariablesAndTerminatingTheCharge() {
    // given
    long key = startOrder("M-1");
    long charge = awaitActive(key, "charge").getElementInstanceKey();

    // when
    Result modified = rpa("modify", String.valueOf(key), "--activate", "approve", "--variables",
        "{\"chargedByHand\": true}", "--terminate", String.valueOf(charge), "--address", address);

    // then
    assertThat(modified.exitCode()).as(modified.err()).isZero();
    assertThat(modified.out()).contains("Modified process instance " + key + ": activated approve; terminated element"
        + " instance " + charge);
    UserTask task = await(() -> client.newUserTaskSearchRequest().filter(f -> f.processInstanceKey(key)).send().join()
        .items().stream().findFirst().orElse(null));
    assertThat(task.getElementId()).isEqualTo("approve");
    assertThat(client.newVariableSearchRequest().filter(f -> f.processInstanceKey(key).name("chargedByHand"))
        .send().join().items()).singleElement().satisfies(v -> assertThat(v.getValue()).isEqualTo("true"));
    assertThat(await(() -> state(key, "charge") == ElementInstanceState.TERMINATED ? true : null)).isTrue();
  }

  @Test
  void shouldMoveATokenAndPrintWhatWasSentAsJson() throws Exception {
    // given
    long key = startOrder("M-2");
    awaitActive(key, "charge");

    // when
    Result moved = rpa("modify", String.valueOf(key), "--move", "charge=approve", "--json", "--address", address);

    // then
    assertThat(moved.exitCode()).as(moved.err()).isZero();
    JsonNode document = JSON.readTree(moved.out());
    assertThat(document.get("processInstanceKey").asText()).isEqualTo(String.valueOf(key));
    assertThat(document.get("moved").get(0).get("sourceElementId").asText()).isEqualTo("charge");
    assertThat(document.get("moved").get(0).get("targetElementId").asText()).isEqualTo("approve");
    assertThat(awaitActive(key, "approve").getElementId()).isEqualTo("approve");
  }

  @Test
  void shouldExitWithTheRefusedCodeNamingTheElementWhenTheEngineRefuses() {
    long key = startOrder("M-3");
    awaitActive(key, "charge");

    Result refused = rpa("modify", String.valueOf(key), "--activate", "nowhere", "--address", address);
    Result nothing = rpa("modify", String.valueOf(key), "--address", address);
    Result badJson = rpa("modify", String.valueOf(key), "--activate", "approve", "--variables", "[1]",
        "--address", address);

    assertThat(refused.exitCode()).isEqualTo(ExitCodes.REFUSED);
    assertThat(refused.err()).contains("HTTP 400").contains("could not be found: 'nowhere'");
    assertThat(nothing.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(nothing.err()).contains("Expected at least one --activate");
    assertThat(badJson.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(badJson.err()).contains("Expected --variables to be a JSON object");
  }

  @Test
  void shouldMigrateMappingSameIdsAutomatically() {
    // given
    long key = startOrder("G-1");
    awaitActive(key, "charge");
    long target = deployTarget("charge");

    // when
    Result migrated = rpa("migrate", String.valueOf(key), "--to", String.valueOf(target), "--address", address);

    // then
    assertThat(migrated.exitCode()).as(migrated.err()).isZero();
    assertThat(migrated.out()).contains("Migrated process instance " + key + " to process definition " + target
        + ": charge -> charge (same id)");
    assertThat(await(() -> client.newProcessInstanceGetRequest(key).send().join().getProcessDefinitionKey() == target
        ? true : null)).isTrue();
  }

  @Test
  void shouldMigrateWithAnExplicitMappingAndPrintItAsJson() throws Exception {
    // given
    long key = startOrder("G-2");
    awaitActive(key, "charge");
    long target = deployTarget("chargeCard");

    // when
    Result migrated = rpa("migrate", String.valueOf(key), "--to", String.valueOf(target), "--map",
        "charge=chargeCard", "--json", "--address", address);

    // then
    assertThat(migrated.exitCode()).as(migrated.err()).isZero();
    JsonNode mapping = JSON.readTree(migrated.out()).get("mappingInstructions").get(0);
    assertThat(mapping.get("sourceElementId").asText()).isEqualTo("charge");
    assertThat(mapping.get("targetElementId").asText()).isEqualTo("chargeCard");
    assertThat(mapping.get("automatic").asBoolean()).isFalse();
    assertThat(await(() -> state(key, "chargeCard"))).isEqualTo(ElementInstanceState.ACTIVE);
  }

  @Test
  void shouldExitWithTheRefusedCodeWhenAnActiveElementCannotBeMapped() {
    long key = startOrder("G-3");
    awaitActive(key, "charge");
    long target = deployTarget("chargeCard");

    Result unmapped = rpa("migrate", String.valueOf(key), "--to", String.valueOf(target), "--map", "start=start",
        "--address", address);
    Result badMap = rpa("migrate", String.valueOf(key), "--to", String.valueOf(target), "--map", "charge",
        "--address", address);

    assertThat(unmapped.exitCode()).isEqualTo(ExitCodes.REFUSED);
    assertThat(unmapped.err()).contains("no mapping instruction defined for active element with id 'charge'");
    assertThat(badMap.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(badMap.err()).contains("Expected --map SOURCE=TARGET");
  }

  private long deployTarget(String chargeId) {
    return client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("ops-order-v2")
        .startEvent("start").serviceTask(chargeId, t -> t.zeebeJobType("ops:charge")).endEvent("end").done(),
        "ops-order-v2.bpmn").send().join().getProcesses().get(0).getProcessDefinitionKey();
  }

  private long startOrder(String orderId) {
    return client.newCreateInstanceCommand().bpmnProcessId("ops-order").latestVersion()
        .variables(Map.of("orderId", orderId)).send().join().getProcessInstanceKey();
  }

  private ElementInstance awaitActive(long key, String elementId) {
    return await(() -> elements(key, elementId).stream().filter(e -> e.getState() == ElementInstanceState.ACTIVE)
        .findFirst().orElse(null));
  }

  private ElementInstanceState state(long key, String elementId) {
    List<ElementInstance> elements = elements(key, elementId);
    return elements.isEmpty() ? null : elements.get(0).getState();
  }

  private List<ElementInstance> elements(long key, String elementId) {
    return client.newElementInstanceSearchRequest().filter(f -> f.processInstanceKey(key).elementId(elementId))
        .send().join().items();
  }

  /** Polls until the supplier gives a value (the history is written just after each commit). */
  private static <T> T await(Supplier<T> read) {
    long deadline = System.nanoTime() + WAIT_NANOS;
    while (true) {
      T value = read.get();
      if (value != null) {
        return value;
      }
      assertThat(System.nanoTime()).as("waited 10 s for the engine").isLessThan(deadline);
      Thread.onSpinWait();
    }
  }
}
