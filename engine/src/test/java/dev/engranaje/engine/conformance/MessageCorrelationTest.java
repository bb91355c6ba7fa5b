package dev.engranaje.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.engranaje.engine.model.BpmnElementType;
import dev.engranaje.engine.record.MessageIntent;
import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.record.ProcessInstanceRecord;
import dev.engranaje.engine.record.ProcessMessageSubscriptionIntent;
import dev.engranaje.engine.record.ProcessMessageSubscriptionRecord;
import dev.engranaje.engine.record.Record;
import dev.engranaje.engine.record.RecordType;
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.engine.record.VariableRecord;
import dev.engranaje.engine.testkit.TestEngine;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.CorrelateMessageResponse;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Message catch events, receive tasks and message boundary events (spec §7.2, §7.4, §14 scenarios
 * 12 and 13), driven through the official client.
 */
class MessageCorrelationTest {
  private static TestEngine engine;

  @BeforeAll
  static void startEngine() {
    engine = TestEngine.inMemory();
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  @Test
  void shouldCorrelateBufferedMessageWhenCatchEventActivatesAfterPublication() {
    // given a message with a time to live, published before any instance waits for it (scenario 12)
    String processId = TestEngine.uniqueProcessId();
    String name = "paid-" + UUID.randomUUID();
    engine.deploy(catchEventProcess(processId, name));
    publish(name, "order-1", Duration.ofHours(1), Map.of("amount", 5));

    // when the catch event activates
    long instance = engine.createInstance(processId, Map.of("orderId", "order-1"));

    // then it takes the buffered message, and its variables reach the root
    engine.awaitCompleted(instance);
    assertThat(subscriptionEvents(instance)).containsExactly(
        ProcessMessageSubscriptionIntent.CREATED, ProcessMessageSubscriptionIntent.CORRELATED);
    assertThat(rootVariable(instance, "amount")).isEqualTo("5");
  }

  @Test
  void shouldDropMessageWithoutTimeToLiveWhenNoCatchEventWaits() {
    // given a message without time to live, published before the instance waits (scenario 12)
    String processId = TestEngine.uniqueProcessId();
    String name = "paid-" + UUID.randomUUID();
    engine.deploy(catchEventProcess(processId, name));
    publish(name, "order-2", Duration.ZERO, Map.of("amount", 1));

    // when the catch event activates
    long instance = engine.createInstance(processId, Map.of("orderId", "order-2"));
    engine.awaitElement(instance, "catch", ProcessInstanceIntent.ELEMENT_ACTIVATED);

    // then the dropped message is not correlated, but a message published now is
    assertThat(subscriptionEvents(instance)).containsExactly(ProcessMessageSubscriptionIntent.CREATED);
    publish(name, "order-2", Duration.ZERO, Map.of("amount", 2));
    engine.awaitCompleted(instance);
    assertThat(rootVariable(instance, "amount")).isEqualTo("2");
  }

  @Test
  void shouldCorrelateOneMessageToOneInstanceWhenTwoInstancesWaitForTheSameKey() {
    // given two instances of one process waiting for the same name and key (scenario 13)
    String processId = TestEngine.uniqueProcessId();
    String name = "paid-" + UUID.randomUUID();
    engine.deploy(catchEventProcess(processId, name));
    long first = engine.createInstance(processId, Map.of("orderId", "order-3"));
    long second = engine.createInstance(processId, Map.of("orderId", "order-3"));
    engine.awaitElement(second, "catch", ProcessInstanceIntent.ELEMENT_ACTIVATED);

    // when one message is published
    publish(name, "order-3", Duration.ofHours(1), Map.of());

    // then exactly one instance (the one waiting longest) completes
    engine.awaitCompleted(first);
    assertThat(engine.hasElementEvent(second, "catch", ProcessInstanceIntent.ELEMENT_COMPLETED)).isFalse();

    // when a second message is published, then it reaches the other instance
    publish(name, "order-3", Duration.ofHours(1), Map.of());
    engine.awaitCompleted(second);
  }

  @Test
  void shouldCorrelateNumericCorrelationKeyAsLongString() {
    // given a catch event whose correlation key evaluates to a number
    String processId = TestEngine.uniqueProcessId();
    String name = "paid-" + UUID.randomUUID();
    engine.deploy(catchEventProcess(processId, name));
    long instance = engine.createInstance(processId, Map.of("orderId", 42));
    engine.awaitElement(instance, "catch", ProcessInstanceIntent.ELEMENT_ACTIVATED);

    // when a message with key "42" is published
    publish(name, "42", Duration.ZERO, Map.of());

    // then it correlates
    engine.awaitCompleted(instance);
  }

  @Test
  void shouldRaiseExtractValueIncidentWhenCorrelationKeyIsNeitherStringNorNumber() {
    // given a correlation key that evaluates to a list
    String processId = TestEngine.uniqueProcessId();
    String name = "paid-" + UUID.randomUUID();
    engine.deploy(catchEventProcess(processId, name));

    // when the catch event activates
    long instance = engine.createInstance(processId, Map.of("orderId", List.of(1, 2)));

    // then an incident is raised and no subscription is opened
    List<Incident> incidents = engine.awaitIncidents(instance);
    assertThat(incidents).hasSize(1);
    assertThat(incidents.get(0).getErrorType().name()).isEqualTo("EXTRACT_VALUE_ERROR");
    assertThat(incidents.get(0).getErrorMessage())
        .isEqualTo("Expected the correlation key of 'catch' to be a string or a number, but it was '[1,2]' (ArrayList)");
    assertThat(subscriptionEvents(instance)).isEmpty();

    // when the key is fixed and the incident resolved, then the subscription opens and correlates
    engine.client().newSetVariablesCommand(instance).variables(Map.of("orderId", "order-9")).send().join();
    engine.client().newResolveIncidentCommand(incidents.get(0).getIncidentKey()).send().join();
    engine.awaitElement(instance, "catch", ProcessInstanceIntent.ELEMENT_ACTIVATED);
    publish(name, "order-9", Duration.ZERO, Map.of());
    engine.awaitCompleted(instance);
  }

  @Test
  void shouldCompleteReceiveTaskWithMessageVariablesWhenMessageIsCorrelated() {
    // given an instance waiting in a receive task
    String processId = TestEngine.uniqueProcessId();
    String name = "statement-" + UUID.randomUUID();
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .receiveTask("wait").message(m -> m.name(name).zeebeCorrelationKeyExpression("accountId"))
        .endEvent().done());
    long instance = engine.createInstance(processId, Map.of("accountId", "ACC-1"));
    engine.awaitElement(instance, "wait", ProcessInstanceIntent.ELEMENT_ACTIVATED);

    // when the message is correlated through the correlation endpoint
    CorrelateMessageResponse response = engine.client().newCorrelateMessageCommand().messageName(name)
        .correlationKey("ACC-1").variables(Map.of("balance", 100)).send().join();

    // then the task completes with the message variables, and the answer names the instance
    assertThat(response.getProcessInstanceKey()).isEqualTo(instance);
    engine.awaitCompleted(instance);
    assertThat(rootVariable(instance, "balance")).isEqualTo("100");
    assertThat(elementType(instance, "wait")).isEqualTo(BpmnElementType.RECEIVE_TASK);
  }

  @Test
  void shouldAnswerNotFoundWhenCorrelatingMessageThatNoSubscriptionTakes() {
    // when
    ProblemException notFound = catchThrowableOfType(ProblemException.class,
        () -> engine.client().newCorrelateMessageCommand().messageName("nobody-" + UUID.randomUUID())
            .correlationKey("K").send().join());

    // then
    assertThat(notFound.code()).isEqualTo(404);
    assertThat(notFound.details().getDetail()).startsWith("Expected to correlate a message with name 'nobody-");
  }

  @Test
  void shouldTerminateTaskAndTakeBoundaryPathWhenInterruptingMessageBoundaryIsCorrelated() {
    // given a service task with an interrupting message boundary event
    String processId = TestEngine.uniqueProcessId();
    String name = "cancel-" + UUID.randomUUID();
    String jobType = "work-" + UUID.randomUUID();
    engine.deploy(boundaryProcess(processId, name, jobType, true));
    long instance = engine.createInstance(processId, Map.of("orderId", "order-4"));
    engine.awaitElement(instance, "task", ProcessInstanceIntent.ELEMENT_ACTIVATED);

    // when the message arrives
    publish(name, "order-4", Duration.ofHours(1), Map.of("reason", "customer"));

    // then the task is terminated, the boundary path taken, and the message variables reach the root
    engine.awaitCompleted(instance);
    assertThat(engine.hasElementEvent(instance, "task", ProcessInstanceIntent.ELEMENT_TERMINATED)).isTrue();
    assertThat(engine.hasElementEvent(instance, "cancelledEnd", ProcessInstanceIntent.ELEMENT_COMPLETED)).isTrue();
    assertThat(engine.hasElementEvent(instance, "end", ProcessInstanceIntent.ELEMENT_ACTIVATING)).isFalse();
    assertThat(rootVariable(instance, "reason")).isEqualTo("\"customer\"");
    assertThat(engine.pollJobs(jobType, Duration.ofMillis(100))).isEmpty();
  }

  @Test
  void shouldFireNonInterruptingMessageBoundaryTwiceWhileTaskLives() {
    // given a service task with a non-interrupting message boundary event
    String processId = TestEngine.uniqueProcessId();
    String name = "reminder-" + UUID.randomUUID();
    String jobType = "work-" + UUID.randomUUID();
    engine.deploy(boundaryProcess(processId, name, jobType, false));
    long instance = engine.createInstance(processId, Map.of("orderId", "order-5"));
    engine.awaitElement(instance, "task", ProcessInstanceIntent.ELEMENT_ACTIVATED);

    // when two messages arrive
    publish(name, "order-5", Duration.ZERO, Map.of("n", 1));
    publish(name, "order-5", Duration.ZERO, Map.of("n", 2));

    // then the boundary path runs twice and the task still waits
    TestEngine.await("boundary path taken twice", () -> count(instance, "cancelledEnd") == 2);
    assertThat(engine.hasElementEvent(instance, "task", ProcessInstanceIntent.ELEMENT_TERMINATED)).isFalse();

    // when the task completes, then its subscription is deleted and the instance completes
    engine.client().newCompleteCommand(engine.activateJob(jobType).getKey()).send().join();
    engine.awaitCompleted(instance);
    assertThat(subscriptionEvents(instance)).containsExactly(ProcessMessageSubscriptionIntent.CREATED,
        ProcessMessageSubscriptionIntent.CORRELATED, ProcessMessageSubscriptionIntent.CORRELATED,
        ProcessMessageSubscriptionIntent.DELETED);
  }

  @Test
  void shouldBufferLaterMessageWhenSubscriptionWasDeletedAfterTaskCompleted() {
    // given a task with a message boundary that completed normally
    String processId = TestEngine.uniqueProcessId();
    String name = "cancel-" + UUID.randomUUID();
    String jobType = "work-" + UUID.randomUUID();
    engine.deploy(boundaryProcess(processId, name, jobType, true));
    long instance = engine.createInstance(processId, Map.of("orderId", "order-6"));
    engine.client().newCompleteCommand(engine.activateJob(jobType).getKey()).send().join();
    engine.awaitCompleted(instance);
    assertThat(subscriptionEvents(instance)).containsExactly(
        ProcessMessageSubscriptionIntent.CREATED, ProcessMessageSubscriptionIntent.DELETED);

    // when a message for it is published afterwards
    long message = publish(name, "order-6", Duration.ofHours(1), Map.of());

    // then it is buffered, not correlated
    assertThat(engine.matching(r -> r.valueType() == ValueType.PROCESS_MESSAGE_SUBSCRIPTION
        && ((ProcessMessageSubscriptionRecord) r.value()).messageKey() == message)).isEmpty();
    assertThat(engine.matching(r -> r.key() == message && r.intent() == MessageIntent.EXPIRED)).isEmpty();
  }

  @Test
  void shouldCorrelateToOpenSubscriptionWhenEngineRestarted(@TempDir Path dataDirectory) {
    // given an instance waiting at a catch event in a durable engine that is then stopped
    String processId = TestEngine.uniqueProcessId();
    String name = "paid-" + UUID.randomUUID();
    long instance;
    try (TestEngine durable = TestEngine.durable(dataDirectory)) {
      durable.deploy(catchEventProcess(processId, name));
      instance = durable.createInstance(processId, Map.of("orderId", "order-7"));
      durable.awaitElement(instance, "catch", ProcessInstanceIntent.ELEMENT_ACTIVATED);
    }

    // when the engine restarts and the message is published
    try (TestEngine restarted = TestEngine.durable(dataDirectory)) {
      restarted.client().newPublishMessageCommand().messageName(name).correlationKey("order-7")
          .timeToLive(Duration.ZERO).send().join();

      // then the subscription rebuilt from the log takes it
      restarted.awaitCompleted(instance);
    }
  }

  @Test
  void shouldDeleteSubscriptionWhenInstanceIsCancelled() {
    // given an instance waiting at a catch event
    String processId = TestEngine.uniqueProcessId();
    String name = "paid-" + UUID.randomUUID();
    engine.deploy(catchEventProcess(processId, name));
    long instance = engine.createInstance(processId, Map.of("orderId", "order-10"));
    engine.awaitElement(instance, "catch", ProcessInstanceIntent.ELEMENT_ACTIVATED);

    // when the instance is cancelled
    engine.client().newCancelInstanceCommand(instance).send().join();

    // then its subscription is deleted, and a later message is not correlated
    TestEngine.await("subscription deleted", () -> subscriptionEvents(instance).size() == 2);
    assertThat(subscriptionEvents(instance)).containsExactly(
        ProcessMessageSubscriptionIntent.CREATED, ProcessMessageSubscriptionIntent.DELETED);
    ProblemException notFound = catchThrowableOfType(ProblemException.class,
        () -> engine.client().newCorrelateMessageCommand().messageName(name).correlationKey("order-10").send().join());
    assertThat(notFound.code()).isEqualTo(404);
  }

  @Test
  void shouldKeepMessageVariablesLocalAndMapOnlyOutputsWhenCatchEventHasOutputMappings() {
    // given a catch event with an output mapping
    String processId = TestEngine.uniqueProcessId();
    String name = "paid-" + UUID.randomUUID();
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .intermediateCatchEvent("catch").message(m -> m.name(name).zeebeCorrelationKeyExpression("orderId"))
        .zeebeOutputExpression("payment.amount", "paidAmount")
        .endEvent().done());
    long instance = engine.createInstance(processId, Map.of("orderId", "order-11"));
    engine.awaitElement(instance, "catch", ProcessInstanceIntent.ELEMENT_ACTIVATED);

    // when
    publish(name, "order-11", Duration.ZERO, Map.of("payment", Map.of("amount", 7), "junk", 1));

    // then only the mapped target reaches the root
    engine.awaitCompleted(instance);
    assertThat(rootVariable(instance, "paidAmount")).isEqualTo("7");
    assertThat(engine.matching(r -> r.valueType() == ValueType.VARIABLE
        && ((VariableRecord) r.value()).scopeKey() == instance
        && ((VariableRecord) r.value()).name().equals("junk"))).isEmpty();
  }

  @Test
  void shouldTerminateSubprocessWhenItsInterruptingMessageBoundaryIsCorrelated() {
    // given a subprocess waiting in a job, with an interrupting message boundary
    String processId = TestEngine.uniqueProcessId();
    String name = "abort-" + UUID.randomUUID();
    String jobType = "work-" + UUID.randomUUID();
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .subProcess("booking", sub -> sub.embeddedSubProcess().startEvent()
            .serviceTask("reserve", t -> t.zeebeJobType(jobType)).endEvent())
        .endEvent("end")
        .moveToActivity("booking").boundaryEvent("aborted", b -> b.message(m -> m.name(name)
            .zeebeCorrelationKeyExpression("orderId"))).endEvent("abortedEnd")
        .done());
    long instance = engine.createInstance(processId, Map.of("orderId", "order-12"));
    engine.awaitElement(instance, "reserve", ProcessInstanceIntent.ELEMENT_ACTIVATED);

    // when
    publish(name, "order-12", Duration.ofHours(1), Map.of());

    // then the subprocess and its task are terminated and the boundary path is taken
    engine.awaitCompleted(instance);
    assertThat(engine.hasElementEvent(instance, "reserve", ProcessInstanceIntent.ELEMENT_TERMINATED)).isTrue();
    assertThat(engine.hasElementEvent(instance, "booking", ProcessInstanceIntent.ELEMENT_TERMINATED)).isTrue();
    assertThat(engine.hasElementEvent(instance, "abortedEnd", ProcessInstanceIntent.ELEMENT_COMPLETED)).isTrue();
  }

  private static BpmnModelInstance catchEventProcess(String processId, String messageName) {
    return Bpmn.createExecutableProcess(processId).startEvent()
        .intermediateCatchEvent("catch").message(m -> m.name(messageName).zeebeCorrelationKeyExpression("orderId"))
        .endEvent().done();
  }

  private static BpmnModelInstance boundaryProcess(String processId, String messageName, String jobType,
      boolean interrupting) {
    return Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("task", t -> t.zeebeJobType(jobType))
        .boundaryEvent("onMessage", b -> b.cancelActivity(interrupting)
            .message(m -> m.name(messageName).zeebeCorrelationKeyExpression("orderId")))
        .endEvent("cancelledEnd")
        .moveToActivity("task").endEvent("end").done();
  }

  private static long publish(String name, String key, Duration timeToLive, Map<String, Object> variables) {
    return engine.client().newPublishMessageCommand().messageName(name).correlationKey(key).timeToLive(timeToLive)
        .variables(variables).send().join().getMessageKey();
  }

  private static List<ProcessMessageSubscriptionIntent> subscriptionEvents(long processInstanceKey) {
    return engine.matching(r -> r.valueType() == ValueType.PROCESS_MESSAGE_SUBSCRIPTION
            && r.recordType() == RecordType.EVENT
            && ((ProcessMessageSubscriptionRecord) r.value()).processInstanceKey() == processInstanceKey)
        .stream().map(r -> (ProcessMessageSubscriptionIntent) r.intent()).toList();
  }

  /** The JSON of the last value written to a root variable. */
  private static String rootVariable(long processInstanceKey, String name) {
    List<Record> writes = engine.matching(r -> r.valueType() == ValueType.VARIABLE
        && ((VariableRecord) r.value()).scopeKey() == processInstanceKey
        && ((VariableRecord) r.value()).name().equals(name));
    assertThat(writes).as("writes of root variable '%s'", name).isNotEmpty();
    return ((VariableRecord) writes.get(writes.size() - 1).value()).value();
  }

  private static long count(long processInstanceKey, String elementId) {
    return engine.elementEvents(processInstanceKey).stream().filter(r -> r.intent() == ProcessInstanceIntent.ELEMENT_COMPLETED
        && ((ProcessInstanceRecord) r.value()).elementId().equals(elementId)).count();
  }

  private static BpmnElementType elementType(long processInstanceKey, String elementId) {
    return engine.elementEvents(processInstanceKey).stream()
        .map(r -> (ProcessInstanceRecord) r.value())
        .filter(v -> v.elementId().equals(elementId))
        .findFirst().orElseThrow().bpmnElementType();
  }
}
