package dev.engranaje.engine.conformance;

import static dev.engranaje.test.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.record.ProcessInstanceRecord;
import dev.engranaje.engine.record.RecordType;
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.engine.model.BpmnElementType;
import dev.engranaje.test.ProcessTest;
import dev.engranaje.test.ProcessTestEngine;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Message start events (spec §7.2, §1.3): scenario 14. */
@ProcessTest(autoTimeSkipping = false)
class MessageStartEventTest {
  ProcessTestEngine engine;

  // spec §14 scenario 14
  @Test
  void shouldStartNoSecondInstanceWhileKeyIsActiveAndStartLatestVersionWithBufferedMessageAfterwards()
      {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    String message = processId + "-order";
    engine.deploy(process(processId, message, "work-v1-" + processId));

    // when
    publish(message, "K", Map.of("n", 1));
    ActivatedJob first = engine.activateJob("work-v1-" + processId);
    publish(message, "K", Map.of("n", 2));
    engine.deploy(process(processId, message, "work-v2-" + processId));

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
  void shouldAlwaysStartWithEmptyKeyAndIgnoreMessagesPublishedBeforeDeploy() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    String message = processId + "-ping";
    publish(message, "", Map.of("early", true));

    // when
    engine.deploy(process(processId, message, "ping-" + processId));
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
    String processId = ProcessTestEngine.uniqueId("process");
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

  private List<ActivatedJob> activateAll(String type, int count) {
    List<ActivatedJob> jobs = engine.activateJobs(type, count);
    assertThat(jobs).as(count + " jobs").hasSize(count);
    return jobs;
  }

  private BpmnModelInstance process(String processId, String message, String jobType) {
    return Bpmn.createExecutableProcess(processId).startEvent("start").message(message)
        .serviceTask("work", t -> t.zeebeJobType(jobType)).endEvent("end").done();
  }

  private void publish(String name, String key, Map<String, Object> variables) {
    engine.client().newPublishMessageCommand().messageName(name).correlationKey(key)
        .timeToLive(Duration.ofHours(1)).variables(variables).send().join();
  }

  private List<Long> processInstances(String processId) {
    return engine.records().matching(r -> r.valueType() == ValueType.PROCESS_INSTANCE && r.recordType() == RecordType.EVENT
            && r.intent() == ProcessInstanceIntent.ELEMENT_ACTIVATING
            && ((ProcessInstanceRecord) r.value()).bpmnElementType() == BpmnElementType.PROCESS
            && ((ProcessInstanceRecord) r.value()).bpmnProcessId().equals(processId)).stream()
        .map(r -> r.key()).toList();
  }
}
