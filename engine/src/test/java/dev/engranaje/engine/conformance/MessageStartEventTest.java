package dev.engranaje.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.record.ProcessInstanceRecord;
import dev.engranaje.engine.record.RecordType;
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.engine.model.BpmnElementType;
import dev.engranaje.engine.testkit.TestEngine;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Message start events (spec §7.2, §1.3): scenario 14. */
class MessageStartEventTest {
  private static TestEngine engine;

  @BeforeAll
  static void startEngine() {
    engine = TestEngine.inMemory();
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  // spec §14 scenario 14
  @Test
  void shouldStartNoSecondInstanceWhileKeyIsActiveAndStartLatestVersionWithBufferedMessageAfterwards()
      throws InterruptedException {
    // given
    String processId = TestEngine.uniqueProcessId();
    String message = processId + "-order";
    engine.deploy(process(processId, message, "work-v1-" + processId));

    // when
    publish(message, "K", Map.of("n", 1));
    ActivatedJob first = engine.activateJob("work-v1-" + processId);
    publish(message, "K", Map.of("n", 2));
    engine.deploy(process(processId, message, "work-v2-" + processId));
    Thread.sleep(300);

    // then: the second message started nothing while the first instance runs
    assertThat(processInstances(processId)).hasSize(1);
    assertThat(first.getVariablesAsMap()).containsEntry("n", 1);

    // when
    engine.client().newCompleteCommand(first.getKey()).send().join();

    // then: the buffered message starts the latest version
    ActivatedJob second = engine.activateJob("work-v2-" + processId);
    assertThat(second.getVariablesAsMap()).containsEntry("n", 2);
    assertThat(second.getProcessDefinitionVersion()).isEqualTo(2);
    assertThat(processInstances(processId)).hasSize(2);
  }

  // spec §14 scenario 14
  @Test
  void shouldAlwaysStartWithEmptyKeyAndIgnoreMessagesPublishedBeforeDeploy() throws InterruptedException {
    // given
    String processId = TestEngine.uniqueProcessId();
    String message = processId + "-ping";
    publish(message, "", Map.of("early", true));

    // when
    engine.deploy(process(processId, message, "ping-" + processId));
    Thread.sleep(300);
    assertThat(processInstances(processId)).isEmpty();
    publish(message, "", Map.of("n", 1));
    publish(message, "", Map.of("n", 2));

    // then
    List<ActivatedJob> jobs = activateAll("ping-" + processId, 2);
    assertThat(jobs).extracting(job -> job.getVariablesAsMap().get("n")).containsExactlyInAnyOrder(1, 2);
    assertThat(jobs).allSatisfy(job -> assertThat(job.getVariablesAsMap()).doesNotContainKey("early"));
  }

  // spec §7.2
  @Test
  void shouldStartInstanceWhenMessageIsCorrelatedThroughTheCorrelationEndpoint() {
    // given
    String processId = TestEngine.uniqueProcessId();
    String message = processId + "-go";
    engine.deploy(process(processId, message, "go-" + processId));

    // when
    var response = engine.client().newCorrelateMessageCommand().messageName(message).correlationKey("K1")
        .variables(Map.of("n", 5)).send().join();

    // then
    ActivatedJob job = engine.activateJob("go-" + processId);
    assertThat(response.getProcessInstanceKey()).isEqualTo(job.getProcessInstanceKey());
    assertThat(job.getVariablesAsMap()).containsEntry("n", 5);
  }

  private static List<ActivatedJob> activateAll(String type, int count) {
    List<ActivatedJob> jobs = new java.util.ArrayList<>();
    TestEngine.await(count + " jobs", () -> {
      jobs.addAll(engine.activateJobs(type, count));
      return jobs.size() >= count;
    });
    return jobs;
  }

  private static BpmnModelInstance process(String processId, String message, String jobType) {
    return Bpmn.createExecutableProcess(processId).startEvent("start").message(message)
        .serviceTask("work", t -> t.zeebeJobType(jobType)).endEvent("end").done();
  }

  private static void publish(String name, String key, Map<String, Object> variables) {
    engine.client().newPublishMessageCommand().messageName(name).correlationKey(key)
        .timeToLive(Duration.ofHours(1)).variables(variables).send().join();
  }

  private static List<Long> processInstances(String processId) {
    return engine.matching(r -> r.valueType() == ValueType.PROCESS_INSTANCE && r.recordType() == RecordType.EVENT
            && r.intent() == ProcessInstanceIntent.ELEMENT_ACTIVATING
            && ((ProcessInstanceRecord) r.value()).bpmnElementType() == BpmnElementType.PROCESS
            && ((ProcessInstanceRecord) r.value()).bpmnProcessId().equals(processId)).stream()
        .map(r -> r.key()).toList();
  }
}
