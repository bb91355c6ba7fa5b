package dev.engranaje.engine.processing.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.engranaje.engine.testkit.TestEngine;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.AuditLogOperationTypeEnum;
import io.camunda.client.api.search.enums.AuditLogResultEnum;
import io.camunda.client.api.search.response.AuditLogResult;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Deleting a process definition version through the client: the previous version becomes the
 * latest, the number is not given again, and a definition with running instances is refused.
 */
class ResourceDeletionTest {

  @Test
  void shouldMakeThePreviousVersionTheLatestAndNeverReuseTheDeletedNumber() {
    try (TestEngine engine = TestEngine.inMemory()) {
      // given
      String processId = TestEngine.uniqueProcessId();
      CamundaClient client = engine.client();
      long first = engine.deploy(Bpmn.createExecutableProcess(processId).startEvent().endEvent("v1").done())
          .getProcesses().get(0).getProcessDefinitionKey();
      long second = engine.deploy(Bpmn.createExecutableProcess(processId).startEvent().endEvent("v2").done())
          .getProcesses().get(0).getProcessDefinitionKey();

      // when
      var deleted = client.newDeleteResourceCommand(second).send().join();

      // then
      assertThat(deleted.getResourceKey()).isEqualTo(Long.toString(second));
      assertThat(client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send().join()
          .getProcessDefinitionKey()).isEqualTo(first);
      var third = engine.deploy(Bpmn.createExecutableProcess(processId).startEvent().endEvent("v3").done())
          .getProcesses().get(0);
      assertThat(third.getVersion()).isEqualTo(3);
      ProblemException gone = catchThrowableOfType(ProblemException.class,
          () -> client.newDeleteResourceCommand(second).send().join());
      assertThat(gone.code()).isEqualTo(404);
      List<AuditLogResult> audit = client.newAuditLogSearchRequest()
          .filter(f -> f.operationType(AuditLogOperationTypeEnum.DELETE)).send().join().items();
      assertThat(audit).extracting(AuditLogResult::getResourceKey, AuditLogResult::getResult).containsExactly(
          org.assertj.core.groups.Tuple.tuple(Long.toString(second), AuditLogResultEnum.SUCCESS),
          org.assertj.core.groups.Tuple.tuple(Long.toString(second), AuditLogResultEnum.FAIL));
    }
  }

  @Test
  void shouldRefuseToDeleteADefinitionWhileInstancesOfItRun() {
    try (TestEngine engine = TestEngine.inMemory()) {
      // given
      String processId = TestEngine.uniqueProcessId();
      long key = engine.deploy(TestEngine.serviceTaskProcess(processId, processId + "-job")).getProcesses().get(0)
          .getProcessDefinitionKey();
      engine.createInstance(processId, Map.of());

      // when
      ProblemException refused = catchThrowableOfType(ProblemException.class,
          () -> engine.client().newDeleteResourceCommand(key).send().join());

      // then
      assertThat(refused.code()).isEqualTo(409);
      assertThat(refused.details().getDetail()).contains("instances of it are still running");
      assertThat(engine.createInstance(processId, Map.of())).isPositive();
    }
  }
}
