package dev.engranaje.engine.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.engranaje.engine.testkit.TestEngine;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Oversized commands (issue 9): variables over 4 MB, and over-long message names, correlation keys,
 * message ids, signal names, job types and error codes, are refused with 400 naming the limit, the
 * size and the flag, without echoing the value; nothing reaches the processor, and the engine
 * serves the next instance.
 */
class CommandLimitsTest {
  private static final int FIVE_MB = 5 * 1024 * 1024;
  private static TestEngine engine;

  @BeforeAll
  static void startEngine() {
    engine = TestEngine.inMemory();
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  private static String big(int length) {
    return "x".repeat(length);
  }

  private static void assertRefused(Runnable command, String... expected) {
    ProblemException problem = catchThrowableOfType(ProblemException.class, command::run);
    assertThat(problem).as("the command is refused").isNotNull();
    assertThat(problem.code()).isEqualTo(400);
    assertThat(problem.details().getDetail()).contains(expected).doesNotContain(big(2_000));
  }

  /** Bodies over the REST server's body limit (8 MiB) are refused by the server before the engine sees them. */
  private static void assertRefusedByTheServer(Runnable command) {
    ProblemException problem = catchThrowableOfType(ProblemException.class, command::run);
    assertThat(problem).as("the request is refused").isNotNull();
    assertThat(problem.code()).isEqualTo(413);
    assertThat(problem.details().getDetail()).contains("(the request body limit)", "--max-request-size")
        .doesNotContain(big(2_000));
  }

  @Test
  void shouldRefuseCreateWhenVariablesExceedFourMegabytes() {
    // given
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(TestEngine.serviceTaskProcess(processId, processId));

    // when / then
    assertRefused(() -> engine.client().newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
        .variables(Map.of("blob", big(FIVE_MB))).send().join(),
        "Expected the variables of this command to be at most 4194304 bytes (--max-variables-size), but they are 52428");
    assertThat(engine.client().newProcessInstanceSearchRequest().filter(f -> f.processDefinitionId(processId))
        .send().join().items()).isEmpty();
    Served.assertServesNormalInstance(engine);
  }

  @Test
  void shouldRefuseJobCompletionWhenVariablesExceedFourMegabytesAndKeepJob() {
    // given
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(TestEngine.serviceTaskProcess(processId, processId));
    long instance = engine.createInstance(processId, Map.of());
    ActivatedJob job = engine.activateJob(processId);

    // when / then
    assertRefused(() -> engine.client().newCompleteCommand(job.getKey()).variables(Map.of("blob", big(FIVE_MB)))
        .send().join(), "--max-variables-size");
    engine.client().newCompleteCommand(job.getKey()).variables(Map.of("small", 1)).send().join();
    engine.awaitCompleted(instance);
  }

  @Test
  void shouldRefuseSetVariablesWhenDocumentExceedsFourMegabytes() {
    // given
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(TestEngine.serviceTaskProcess(processId, processId));
    long instance = engine.createInstance(processId, Map.of());

    // when / then
    assertRefused(() -> engine.client().newSetVariablesCommand(instance).variables(Map.of("blob", big(FIVE_MB)))
        .send().join(), "--max-variables-size");
  }

  @Test
  void shouldRefuseBufferedMessagesWithHugeCorrelationKeys() {
    // given five messages with 19 MB correlation keys and a 1 h TTL (they used to hold 500 MB)
    for (int i = 0; i < 5; i++) {
      String key = big(19 * 1024 * 1024);

      // when / then
      assertRefusedByTheServer(() -> engine.client().newPublishMessageCommand().messageName("order-paid")
          .correlationKey(key).timeToLive(Duration.ofHours(1)).send().join());
    }
    Served.assertServesNormalInstance(engine);
  }

  @Test
  void shouldRefuseMessageWithHugeNameWithoutEchoingIt() {
    assertRefused(() -> engine.client().newPublishMessageCommand().messageName(big(FIVE_MB)).correlationKey("k")
        .send().join(), "message name", "--max-message-name-length", String.valueOf(FIVE_MB));
    assertRefused(() -> engine.client().newCorrelateMessageCommand().messageName(big(FIVE_MB)).correlationKey("k")
        .send().join(), "message name", "--max-message-name-length");
  }

  @Test
  void shouldRefuseMessageWithLongMessageId() {
    assertRefused(() -> engine.client().newPublishMessageCommand().messageName("m").correlationKey("k")
        .messageId(big(10_000)).send().join(), "message id", "--max-message-id-length");
  }

  @Test
  void shouldRefuseSignalWithHugeName() {
    // a 10 MB signal name used to be accepted
    assertRefusedByTheServer(() -> engine.client().newBroadcastSignalCommand().signalName(big(10 * 1024 * 1024))
        .send().join());
    assertRefused(() -> engine.client().newBroadcastSignalCommand().signalName(big(2 * 1024 * 1024)).send().join(),
        "Expected the signal name to be at most 1024 characters (--max-signal-name-length), but it is 2097152");
    Served.assertServesNormalInstance(engine);
  }

  @Test
  void shouldRefuseJobActivationWithHugeJobType() {
    assertRefused(() -> engine.client().newActivateJobsCommand().jobType(big(100_000)).maxJobsToActivate(1)
        .send().join(), "job type", "--max-job-type-length");
  }

  @Test
  void shouldRefuseJobFailureWithHugeErrorMessageAndKeepJob() {
    // given
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(TestEngine.serviceTaskProcess(processId, processId));
    long instance = engine.createInstance(processId, Map.of());
    ActivatedJob job = engine.activateJob(processId);

    // when / then
    assertRefused(() -> engine.client().newFailCommand(job.getKey()).retries(1).errorMessage(big(FIVE_MB))
        .send().join(), "Expected the error message of this command to be at most 4194304 bytes", "--max-variables-size");
    engine.client().newCompleteCommand(job.getKey()).send().join();
    engine.awaitCompleted(instance);
  }

  @Test
  void shouldRefuseThrowErrorWithHugeErrorCode() {
    // given
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(TestEngine.serviceTaskProcess(processId, processId));
    engine.createInstance(processId, Map.of());
    ActivatedJob job = engine.activateJob(processId);

    // when / then
    assertRefused(() -> engine.client().newThrowErrorCommand(job.getKey()).errorCode(big(100_000)).send().join(),
        "error code", "--max-error-code-length");
  }
}
