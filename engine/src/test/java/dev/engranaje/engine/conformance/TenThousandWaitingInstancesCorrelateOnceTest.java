package dev.engranaje.engine.conformance;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toMap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.model.BpmnElementType;
import dev.engranaje.engine.record.MessageIntent;
import dev.engranaje.engine.record.MessageRecord;
import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.record.ProcessInstanceRecord;
import dev.engranaje.engine.record.ProcessMessageSubscriptionIntent;
import dev.engranaje.engine.record.ProcessMessageSubscriptionRecord;
import dev.engranaje.engine.record.Record;
import dev.engranaje.engine.record.RecordType;
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.engine.record.VariableRecord;
import dev.engranaje.engine.testkit.TestEngine;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Ten thousand instances each wait at a message catch event with their own correlation key; ten
 * thousand messages published concurrently through the client correlate each to its own instance,
 * exactly once (engine issue "Must show 3"; the figures come from {@code rpa bench}).
 */
class TenThousandWaitingInstancesCorrelateOnceTest {
  private static final int INSTANCES = 10_000;
  private static final int IN_FLIGHT = 64;
  /** Generous: waits for work to finish, not a performance bound. */
  private static final long PHASE_TIMEOUT_SECONDS = 120;

  @Test
  void shouldCorrelateEachMessageOnceToItsOwnInstanceWhenTenThousandInstancesWait() throws Exception {
    try (TestEngine engine = TestEngine.inMemory()) {
      // given ten thousand instances waiting at a catch event, instance i for correlation key "order-i"
      String processId = TestEngine.uniqueProcessId();
      String messageName = "paid-" + UUID.randomUUID();
      engine.deploy(catchEventProcess(processId, messageName));
      Countdown subscriptionsOpened = Countdown.of(INSTANCES, r -> r.intent() == ProcessMessageSubscriptionIntent.CREATED
          && ((ProcessMessageSubscriptionRecord) r.value()).messageName().equals(messageName));
      Countdown instancesCompleted = Countdown.of(INSTANCES, r -> r.intent() == ProcessInstanceIntent.ELEMENT_COMPLETED
          && r.value() instanceof ProcessInstanceRecord instance && instance.bpmnElementType() == BpmnElementType.PROCESS
          && instance.bpmnProcessId().equals(processId));
      engine.engine().addExporter(subscriptionsOpened);
      engine.engine().addExporter(instancesCompleted);
      Map<Long, Integer> orderOfInstance = startInstances(engine.client(), processId);
      subscriptionsOpened.await("all subscriptions to open");

      // when a message is published for every key, up to 64 at once, each without a time to live
      long failedPublications = publishMessages(engine.client(), messageName);

      // then every instance completed once, with the payload of the message for its own key
      assertThat(failedPublications).isZero();
      instancesCompleted.await("all instances to complete");
      List<Record> log = engine.records().all();
      assertThat(completionsPerInstance(log, processId)).hasSize(INSTANCES).containsOnlyKeys(orderOfInstance.keySet())
          .allSatisfy((instance, completions) -> assertThat(completions).as("completions of %d", instance).isEqualTo(1));
      Map<Long, String> paidAmounts = rootVariable(log, orderOfInstance.keySet(), "paidAmount");
      assertThat(paidAmounts).hasSize(INSTANCES)
          .allSatisfy((instance, amount) -> assertThat(amount).isEqualTo(amountFor(orderOfInstance.get(instance))));

      // and no message correlated twice, each correlation reached the instance waiting for its key
      List<ProcessMessageSubscriptionRecord> correlations = subscriptionEvents(log, messageName,
          ProcessMessageSubscriptionIntent.CORRELATED);
      assertThat(correlations).hasSize(INSTANCES);
      assertThat(correlations.stream().collect(groupingBy(ProcessMessageSubscriptionRecord::correlationKey, counting())))
          .hasSize(INSTANCES).allSatisfy((key, count) -> assertThat(count).as("correlations of %s", key).isEqualTo(1));
      assertThat(correlations.stream().collect(groupingBy(ProcessMessageSubscriptionRecord::messageKey, counting())))
          .hasSize(INSTANCES);
      assertThat(correlations).allSatisfy(correlation -> assertThat(correlation.correlationKey())
          .isEqualTo(orderId(orderOfInstance.get(correlation.processInstanceKey()))));

      // and nothing is left over: no message buffered, no subscription open
      assertThat(messageEvents(log, messageName, MessageIntent.PUBLISHED)).hasSize(INSTANCES);
      assertThat(messageEvents(log, messageName, MessageIntent.EXPIRED)).hasSize(INSTANCES);
      assertThat(subscriptionEvents(log, messageName, ProcessMessageSubscriptionIntent.CREATED)).hasSize(INSTANCES);
      assertThat(subscriptionEvents(log, messageName, ProcessMessageSubscriptionIntent.DELETED)).isEmpty();
    }
  }

  /** Starts instance i with {@code orderId = "order-i"}; returns each instance key's i. */
  private static Map<Long, Integer> startInstances(CamundaClient client, String processId) throws Exception {
    Map<Long, Integer> orderOfInstance = new ConcurrentHashMap<>();
    AtomicLong failures = new AtomicLong();
    Semaphore window = new Semaphore(IN_FLIGHT);
    for (int i = 0; i < INSTANCES; i++) {
      int order = i;
      window.acquire();
      client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
          .variables(Map.of("orderId", orderId(order))).send().whenComplete((created, failure) -> {
            if (failure == null) {
              orderOfInstance.put(created.getProcessInstanceKey(), order);
            } else {
              failures.incrementAndGet();
            }
            window.release();
          });
    }
    window.acquire(IN_FLIGHT);
    assertThat(failures.get()).as("failed creations").isZero();
    return orderOfInstance;
  }

  /** Publishes the message for every key, {@code IN_FLIGHT} at once; returns how many failed. */
  private static long publishMessages(CamundaClient client, String messageName) throws InterruptedException {
    AtomicLong failures = new AtomicLong();
    Semaphore window = new Semaphore(IN_FLIGHT);
    for (int i = 0; i < INSTANCES; i++) {
      window.acquire();
      client.newPublishMessageCommand().messageName(messageName).correlationKey(orderId(i))
          .timeToLive(Duration.ZERO).variables(Map.of("paidAmount", i * 10)).send().whenComplete((published, failure) -> {
            if (failure != null) {
              failures.incrementAndGet();
            }
            window.release();
          });
    }
    window.acquire(IN_FLIGHT);
    return failures.get();
  }

  private static String orderId(int order) {
    return "order-" + order;
  }

  private static String amountFor(int order) {
    return Integer.toString(order * 10);
  }

  private static Map<Long, Long> completionsPerInstance(List<Record> log, String processId) {
    return log.stream().filter(r -> r.recordType() == RecordType.EVENT
            && r.intent() == ProcessInstanceIntent.ELEMENT_COMPLETED
            && r.value() instanceof ProcessInstanceRecord instance && instance.bpmnElementType() == BpmnElementType.PROCESS
            && instance.bpmnProcessId().equals(processId))
        .collect(groupingBy(Record::key, counting()));
  }

  /** The value a variable was created with on each instance's root scope. */
  private static Map<Long, String> rootVariable(List<Record> log, Set<Long> instances, String name) {
    return log.stream().filter(r -> r.recordType() == RecordType.EVENT && r.valueType() == ValueType.VARIABLE)
        .map(r -> (VariableRecord) r.value())
        .filter(v -> v.name().equals(name) && v.scopeKey() == v.processInstanceKey()
            && instances.contains(v.processInstanceKey()))
        .collect(toMap(VariableRecord::processInstanceKey, VariableRecord::value));
  }

  private static List<ProcessMessageSubscriptionRecord> subscriptionEvents(List<Record> log, String messageName,
      ProcessMessageSubscriptionIntent intent) {
    return log.stream().filter(r -> r.recordType() == RecordType.EVENT && r.intent() == intent)
        .map(r -> (ProcessMessageSubscriptionRecord) r.value())
        .filter(s -> s.messageName().equals(messageName)).toList();
  }

  private static List<Record> messageEvents(List<Record> log, String messageName, MessageIntent intent) {
    return log.stream().filter(r -> r.recordType() == RecordType.EVENT && r.intent() == intent
        && ((MessageRecord) r.value()).name().equals(messageName)).toList();
  }

  private static BpmnModelInstance catchEventProcess(String processId, String messageName) {
    return Bpmn.createExecutableProcess(processId).startEvent("start")
        .intermediateCatchEvent("catch", e -> e.message(m -> m.name(messageName).zeebeCorrelationKeyExpression("orderId")))
        .endEvent("end").done();
  }

  /** An exporter that counts down a latch for each committed event matching a predicate. */
  private record Countdown(CountDownLatch latch, Predicate<Record> predicate) implements Consumer<List<Record>> {
    static Countdown of(int count, Predicate<Record> predicate) {
      return new Countdown(new CountDownLatch(count), predicate);
    }

    @Override
    public void accept(List<Record> batch) {
      for (Record record : batch) {
        if (record.recordType() == RecordType.EVENT && predicate.test(record)) {
          latch.countDown();
        }
      }
    }

    void await(String what) throws InterruptedException {
      assertThat(latch.await(PHASE_TIMEOUT_SECONDS, TimeUnit.SECONDS))
          .as("waiting for %s (%d missing)", what, latch.getCount()).isTrue();
    }
  }
}
