package dev.engranaje.engine.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.testkit.TestEngine;
import io.camunda.client.api.command.ProblemException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Parser fuzzing of issue 9: real BPMN and DMN models from the test resources, mutated ({@link
 * Mutations}), deployed through the official client. Each deployment either succeeds or is refused
 * with a 400 that says something; never a 500, never a hang (each answer within {@value
 * #ANSWER_SECONDS} s), and the engine deploys a good model after every one. Tries are bounded
 * ({@code -Dfuzz.tries}, default {@value #DEFAULT_TRIES}) and the seed fixed ({@code -Dfuzz.seed}).
 */
class DeploymentFuzzTest {
  private static final int ANSWER_SECONDS = 30;
  private static final int DEFAULT_TRIES = 60;
  private static final int TRIES = Integer.getInteger("fuzz.tries", DEFAULT_TRIES);
  private static final List<String> BPMN = List.of("/bpmn/corpus/simplemonitor-payment.bpmn",
      "/bpmn/corpus/jssdk-user-task-form-complex-gateway.bpmn", "/bpmn/corpus/jssdk-conditional-pathway.bpmn",
      "/bpmn/corpus/jssdk-error-boundary-subprocess.bpmn", "/bpmn/corpus/jssdk-user-task-form.bpmn");
  private static final List<String> DMN = List.of("/dmn/invoice-checks.dmn", "/dmn/invoice-approval.dmn",
      "/dmn/invoice-routing.dmn");

  private static TestEngine engine;

  @BeforeAll
  static void start() {
    engine = TestEngine.inMemory();
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  @TestFactory
  Stream<DynamicTest> shouldAnswerSuccessOrA400WhenABpmnModelIsMutated() {
    return tries(new Mutations(BPMN, Mutations.SEED), "fuzz.bpmn");
  }

  @TestFactory
  Stream<DynamicTest> shouldAnswerSuccessOrA400WhenADmnModelIsMutated() {
    return tries(new Mutations(DMN, Mutations.SEED + 1), "fuzz.dmn");
  }

  private static Stream<DynamicTest> tries(Mutations mutations, String name) {
    return IntStream.range(0, TRIES).mapToObj(i -> mutations.next()).map(mutant ->
        DynamicTest.dynamicTest(name + ": " + mutant.how(), () -> {
          assertDeployAnswersSuccessOr400(mutant.bytes(), name);
          assertGoodModelStillDeploys();
        }));
  }

  private static void assertDeployAnswersSuccessOr400(byte[] model, String name) throws InterruptedException {
    try {
      engine.client().newDeployResourceCommand().addResourceBytes(model, name).send().get(ANSWER_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException failed) {
      assertThat(failed.getCause()).isInstanceOf(ProblemException.class);
      ProblemException problem = (ProblemException) failed.getCause();
      assertThat(problem.code()).as("status of %s", problem.details()).isEqualTo(400);
      assertThat(problem.details().getDetail()).as("what the 400 says").isNotBlank();
    } catch (TimeoutException hang) {
      throw new AssertionError("Expected an answer to the deployment within " + ANSWER_SECONDS + " s, but none came", hang);
    }
  }

  private static void assertGoodModelStillDeploys() throws Exception {
    String processId = TestEngine.uniqueProcessId();
    engine.client().newDeployResourceCommand().addProcessModel(TestEngine.serviceTaskProcess(processId, "fuzz"), "good.bpmn")
        .send().get(ANSWER_SECONDS, TimeUnit.SECONDS);
  }
}
