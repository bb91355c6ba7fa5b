package dev.engranaje.engine.processing.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.engranaje.engine.Engine;
import dev.engranaje.engine.EngineOptions;
import dev.engranaje.engine.api.rest.ApiAccess;
import dev.engranaje.engine.testkit.TestEngine;
import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.AuditLogActorTypeEnum;
import io.camunda.client.api.search.enums.AuditLogEntityTypeEnum;
import io.camunda.client.api.search.enums.AuditLogOperationTypeEnum;
import io.camunda.client.api.search.enums.AuditLogResultEnum;
import io.camunda.client.api.search.enums.BatchOperationState;
import io.camunda.client.api.search.response.AuditLogResult;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The operations audit log, searched through the official client: every operator action is there
 * with the authenticated user, the outcome and what happened next.
 */
class AuditLogTest {

  @Test
  void shouldRecordEachOperatorActionWithTheUserAndTheOutcome() {
    EngineOptions options = EngineOptions.builder().inMemory().port(0)
        .apiAccess(new ApiAccess("ann", "ann-secret", false)).build();
    try (Engine engine = Engine.start(options); CamundaClient client = client(engine, "ann", "ann-secret")) {
      // given
      String processId = TestEngine.uniqueProcessId();
      String jobType = processId + "-job";
      long deploymentKey = client.newDeployResourceCommand().addProcessModel(
          TestEngine.serviceTaskProcess(processId, jobType), "pay.bpmn").send().join().getKey();
      long instance = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send().join()
          .getProcessInstanceKey();
      ActivatedJob job = activate(client, jobType);
      client.newFailCommand(job).retries(0).errorMessage("portal down").send().join();
      Incident incident = awaitIncident(client, instance);

      // when
      assertThatThrownBy(() -> client.newResolveIncidentCommand(incident.getIncidentKey()).send().join())
          .isInstanceOf(ProblemException.class);
      client.newUpdateRetriesCommand(job.getKey()).retries(2).send().join();
      client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();
      client.newSetVariablesCommand(instance).variables(Map.of("iban", "checked")).send().join();
      client.newCancelInstanceCommand(instance).send().join();

      // then
      List<AuditLogResult> entries = client.newAuditLogSearchRequest().filter(f -> f.actorId("ann"))
          .sort(s -> s.timestamp().asc()).page(p -> p.limit(100)).send().join().items();
      assertThat(entries).extracting(AuditLogResult::getOperationType, AuditLogResult::getEntityType,
          AuditLogResult::getEntityKey, AuditLogResult::getResult).containsExactly(
              tuple(AuditLogOperationTypeEnum.CREATE, AuditLogEntityTypeEnum.RESOURCE, Long.toString(deploymentKey),
                  AuditLogResultEnum.SUCCESS),
              tuple(AuditLogOperationTypeEnum.RESOLVE, AuditLogEntityTypeEnum.INCIDENT,
                  Long.toString(incident.getIncidentKey()), AuditLogResultEnum.FAIL),
              tuple(AuditLogOperationTypeEnum.UPDATE, AuditLogEntityTypeEnum.JOB, Long.toString(job.getKey()),
                  AuditLogResultEnum.SUCCESS),
              tuple(AuditLogOperationTypeEnum.RESOLVE, AuditLogEntityTypeEnum.INCIDENT,
                  Long.toString(incident.getIncidentKey()), AuditLogResultEnum.SUCCESS),
              tuple(AuditLogOperationTypeEnum.UPDATE, AuditLogEntityTypeEnum.VARIABLE, Long.toString(instance),
                  AuditLogResultEnum.SUCCESS),
              tuple(AuditLogOperationTypeEnum.CANCEL, AuditLogEntityTypeEnum.PROCESS_INSTANCE,
                  Long.toString(instance), AuditLogResultEnum.SUCCESS));
      assertThat(entries).allSatisfy(entry -> {
        assertThat(entry.getActorType()).isEqualTo(AuditLogActorTypeEnum.USER);
        assertThat(entry.getTimestamp()).isNotNull();
      });
      assertThat(entries.get(0).getDeploymentKey()).isEqualTo(Long.toString(deploymentKey));
      assertThat(entries.get(1).getEntityDescription()).contains("has no retries left");
      assertThat(entries.get(2).getEntityDescription()).isEqualTo("retries set to 2");
      assertThat(entries.get(2).getJobKey()).isEqualTo(Long.toString(job.getKey()));
      assertThat(entries.get(3).getEntityDescription())
          .isEqualTo("job '" + job.getKey() + "' of type '" + jobType + "' can be activated again with 2 retries left");
      assertThat(entries.get(4).getEntityDescription()).isEqualTo("variables set: iban").doesNotContain("checked");
      assertThat(entries.get(5).getProcessInstanceKey()).isEqualTo(Long.toString(instance));
      assertThat(entries.get(5).getProcessDefinitionId()).isEqualTo(processId);
      String key = entries.get(5).getAuditLogKey();
      assertThat(client.newAuditLogGetRequest(key).send().join().getOperationType())
          .isEqualTo(AuditLogOperationTypeEnum.CANCEL);
    }
  }

  @Test
  void shouldRecordModificationAndMigrationWithTheUserAndTheOutcome() {
    EngineOptions options = EngineOptions.builder().inMemory().port(0)
        .apiAccess(new ApiAccess("ann", "ann-secret", false)).build();
    try (Engine engine = Engine.start(options); CamundaClient client = client(engine, "ann", "ann-secret")) {
      // given two versions of a process and an instance of the first waiting at its task
      String processId = TestEngine.uniqueProcessId();
      String jobType = processId + "-job";
      client.newDeployResourceCommand().addProcessModel(TestEngine.serviceTaskProcess(processId, jobType), "a.bpmn")
          .send().join();
      long instance = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send().join()
          .getProcessInstanceKey();
      long v2 = client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess(processId).startEvent()
              .serviceTask("task", t -> t.zeebeJobType(jobType)).serviceTask("after", t -> t.zeebeJobType(jobType))
              .endEvent().done(), "b.bpmn").send().join().getProcesses().get(0).getProcessDefinitionKey();
      TestEngine.await("the task is active", () -> !client.newElementInstanceSearchRequest()
          .filter(f -> f.processInstanceKey(instance).elementId("task")).send().join().items().isEmpty());

      // when
      assertThatThrownBy(() -> client.newMigrateProcessInstanceCommand(instance).migrationPlan(v2)
          .addMappingInstruction("nowhere", "task").send().join()).isInstanceOf(ProblemException.class);
      client.newMigrateProcessInstanceCommand(instance).migrationPlan(v2).addMappingInstruction("task", "task")
          .send().join();
      client.newModifyProcessInstanceCommand(instance).activateElement("after").send().join();

      // then
      List<AuditLogResult> entries = client.newAuditLogSearchRequest().filter(f -> f.processInstanceKey(
              Long.toString(instance))).sort(s -> s.timestamp().asc()).send().join().items();
      assertThat(entries).extracting(AuditLogResult::getOperationType, AuditLogResult::getResult,
          AuditLogResult::getActorId).containsExactly(
              tuple(AuditLogOperationTypeEnum.MIGRATE, AuditLogResultEnum.FAIL, "ann"),
              tuple(AuditLogOperationTypeEnum.MIGRATE, AuditLogResultEnum.SUCCESS, "ann"),
              tuple(AuditLogOperationTypeEnum.MODIFY, AuditLogResultEnum.SUCCESS, "ann"));
      assertThat(entries.get(1).getEntityDescription()).contains("migrated to process definition " + v2);
      assertThat(entries.get(2).getEntityDescription()).isEqualTo("modified: 1 activated, 0 terminated, 0 moved");
    }
  }

  @Test
  void shouldReportAnIncidentRaisedAgainWhenResolvingDidNotFixIt() {
    try (TestEngine engine = TestEngine.inMemory()) {
      // given: the job type comes from a variable the instance lacks
      String processId = TestEngine.uniqueProcessId();
      engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
          .serviceTask("task", t -> t.zeebeJobTypeExpression("kind")).endEvent().done());
      long instance = engine.createInstance(processId, Map.of());
      Incident incident = awaitIncident(engine.client(), instance);

      // when
      engine.client().newResolveIncidentCommand(incident.getIncidentKey()).send().join();

      // then
      AuditLogResult entry = onlyEntry(engine.client(), AuditLogOperationTypeEnum.RESOLVE);
      assertThat(entry.getResult()).isEqualTo(AuditLogResultEnum.SUCCESS);
      assertThat(entry.getEntityDescription()).startsWith("incident raised again as '").contains("kind");
      assertThat(entry.getActorId()).isEqualTo("anonymous");
      assertThat(entry.getActorType()).isEqualTo(AuditLogActorTypeEnum.ANONYMOUS);
    }
  }

  @Test
  void shouldRecordABatchOperationAndEachOfItsItemsUnderItsKey() {
    try (TestEngine engine = TestEngine.inMemory()) {
      // given
      String processId = TestEngine.uniqueProcessId();
      engine.deploy(TestEngine.serviceTaskProcess(processId, processId + "-job"));
      long first = engine.createInstance(processId, Map.of());
      long second = engine.createInstance(processId, Map.of());
      CamundaClient client = engine.client();

      // when
      String key = client.newCreateBatchOperationCommand().processInstanceCancel()
          .filter(f -> f.processDefinitionId(processId)).send().join().getBatchOperationKey();
      TestEngine.await("the batch completed", () -> {
        engine.clock().advance(Duration.ofMillis(10));
        return client.newBatchOperationGetRequest(key).send().join().getStatus() == BatchOperationState.COMPLETED;
      });

      // then
      List<AuditLogResult> batches = client.newAuditLogSearchRequest().filter(f -> f.entityType(
          AuditLogEntityTypeEnum.BATCH)).send().join().items();
      assertThat(batches).hasSize(1);
      AuditLogResult created = batches.get(0);
      assertThat(created.getOperationType()).isEqualTo(AuditLogOperationTypeEnum.CREATE);
      assertThat(created.getEntityKey()).isEqualTo(key);
      List<AuditLogResult> items = client.newAuditLogSearchRequest().filter(f -> f.operationType(
          AuditLogOperationTypeEnum.CANCEL)).send().join().items();
      assertThat(items).extracting(AuditLogResult::getEntityKey, AuditLogResult::getBatchOperationKey,
          AuditLogResult::getResult).containsExactlyInAnyOrder(
              tuple(Long.toString(first), key, AuditLogResultEnum.SUCCESS),
              tuple(Long.toString(second), key, AuditLogResultEnum.SUCCESS));
    }
  }

  private static AuditLogResult onlyEntry(CamundaClient client, AuditLogOperationTypeEnum operation) {
    List<AuditLogResult> entries = client.newAuditLogSearchRequest().filter(f -> f.operationType(operation)).send()
        .join().items();
    assertThat(entries).hasSize(1);
    return entries.get(0);
  }

  private static ActivatedJob activate(CamundaClient client, String jobType) {
    List<ActivatedJob> jobs = client.newActivateJobsCommand().jobType(jobType).maxJobsToActivate(1)
        .requestTimeout(Duration.ofSeconds(5)).send().join().getJobs();
    assertThat(jobs).hasSize(1);
    return jobs.get(0);
  }

  private static Incident awaitIncident(CamundaClient client, long instance) {
    TestEngine.await("an incident", () -> !client.newIncidentSearchRequest()
        .filter(f -> f.processInstanceKey(instance)).send().join().items().isEmpty());
    return client.newIncidentSearchRequest().filter(f -> f.processInstanceKey(instance)).send().join().items().get(0);
  }

  private static CamundaClient client(Engine engine, String user, String password) {
    return CamundaClient.newClientBuilder().restAddress(engine.restAddress()).grpcAddress(engine.restAddress())
        .preferRestOverGrpc(true).credentialsProvider(CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
            .username(user).password(password).build()).build();
  }
}
