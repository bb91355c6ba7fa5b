package dev.engranaje.engine.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.engranaje.engine.Engine;
import dev.engranaje.engine.EngineLimits;
import dev.engranaje.engine.EngineOptions;
import dev.engranaje.engine.record.Record;
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.engine.testkit.TestEngine;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.DeploymentEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Large models (issue 9): a 10,000-element chain deploys (validation is linear, and runs on the
 * request thread, not the processor's), a create sent meanwhile is served, an instance runs through
 * the chain, and models over the element and size limits are refused naming the flag.
 */
class LargeModelDeploymentTest {

  @Test
  void shouldDeployTenThousandElementChainWhileServingOtherCommands() {
    try (TestEngine engine = TestEngine.inMemory()) {
      // given
      String small = TestEngine.uniqueProcessId();
      engine.deploy(TestEngine.serviceTaskProcess(small, small));
      String big = TestEngine.uniqueProcessId();
      byte[] chain = ChainModels.chain(big, 10_000);

      // when
      CompletableFuture<DeploymentEvent> deployment = engine.client().newDeployResourceCommand()
          .addResourceBytes(chain, big + ".bpmn")
          // what matters is that other commands are served meanwhile, not how long a loaded machine takes
          .requestTimeout(java.time.Duration.ofMinutes(2))
          .send().toCompletableFuture();
      long created = createWithPatience(engine, small);

      // then
      assertThat(created).isPositive();
      assertThat(deployment.join().getProcesses()).singleElement()
          .satisfies(process -> assertThat(process.getBpmnProcessId()).isEqualTo(big));
      long instance = createWithPatience(engine, big);
      engine.awaitCompleted(instance);
      assertThat(engine.records().matching(r -> r.valueType() == ValueType.DEPLOYMENT)).hasSize(2);
    }
  }

  /** On a loaded machine a 10,000-element instance or a create beside a big deployment may take longer than the client's default 10 s. */
  private static long createWithPatience(TestEngine engine, String processId) {
    return engine.client().newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
        .requestTimeout(java.time.Duration.ofMinutes(2)).send().join().getProcessInstanceKey();
  }

  @Test
  void shouldRefuseModelsOverElementAndSizeLimitsNamingTheFlags() {
    EngineLimits limits = EngineLimits.builder().maxModelElements(1_000).maxDeploymentBytes(200_000).build();
    try (Engine engine = Engine.start(EngineOptions.builder().inMemory().port(0).limits(limits).build());
        CamundaClient client = TestEngine.newClient(engine.restAddress())) {
      // given
      String processId = TestEngine.uniqueProcessId();

      // when
      ProblemException tooMany = catchThrowableOfType(ProblemException.class, () -> client.newDeployResourceCommand()
          .addResourceBytes(ChainModels.chain(processId, 600), processId + ".bpmn").send().join());
      ProblemException tooLarge = catchThrowableOfType(ProblemException.class, () -> client.newDeployResourceCommand()
          .addResourceBytes(ChainModels.chain(processId, 1_500), processId + ".bpmn").send().join());

      // then
      assertThat(tooMany.code()).isEqualTo(400);
      assertThat(tooMany.details().getDetail()).contains(processId + ".bpmn").contains("at most 1000 BPMN elements")
          .contains("--max-model-elements");
      assertThat(tooLarge.code()).isEqualTo(400);
      assertThat(tooLarge.details().getDetail()).contains("at most 200000 bytes").contains("--max-deployment-size");
      DeploymentEvent fits = client.newDeployResourceCommand()
          .addResourceBytes(ChainModels.chain(processId, 200), processId + ".bpmn").send().join();
      assertThat(fits.getProcesses()).hasSize(1);
    }
  }

  @Test
  void shouldStoreAndRecoverPreparedDeploymentLikeBefore(@org.junit.jupiter.api.io.TempDir java.nio.file.Path data) {
    // given a deployment prepared off the processor, stored, and replayed on restart
    String processId = TestEngine.uniqueProcessId();
    try (TestEngine engine = TestEngine.durable(data)) {
      engine.client().newDeployResourceCommand().addResourceBytes(ChainModels.chain(processId, 50), "chain.bpmn")
          .send().join();
    }

    // when
    try (TestEngine engine = TestEngine.durable(data)) {
      DeploymentEvent again = engine.client().newDeployResourceCommand()
          .addResourceBytes(ChainModels.chain(processId, 50), "chain.bpmn").send().join();
      long instance = engine.createInstance(processId, Map.of());

      // then the same bytes are a duplicate of version 1, and the recovered process runs
      assertThat(again.getProcesses()).singleElement().satisfies(p -> assertThat(p.getVersion()).isEqualTo(1));
      engine.awaitCompleted(instance);
      List<Record> processes = engine.records().matching(r -> r.valueType() == ValueType.PROCESS);
      assertThat(processes).isEmpty();
    }
  }

}
