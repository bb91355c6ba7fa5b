package dev.engranaje.engine.conformance;

import static dev.engranaje.test.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.engranaje.engine.record.DeploymentRecord;
import dev.engranaje.engine.record.ProcessRecord;
import dev.engranaje.engine.record.Record;
import dev.engranaje.test.ProcessTest;
import dev.engranaje.test.ProcessTestEngine;
import io.camunda.client.api.command.ProblemException;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invalid deployments through the client (spec §1.1, §1.2): each is rejected with 400 and a message
 * naming the file and the element, and nothing is stored, also when only one file of several is
 * invalid.
 */
@ProcessTest(autoTimeSkipping = false)
class DeploymentRejectionTest {
  ProcessTestEngine engine;

  @Test
  void shouldRejectMalformedXmlNamingFileAndStoreNothing() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    String fileName = processId + ".bpmn";
    String truncated = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"d\""
        + " targetNamespace=\"http://bpmn.io/schema/bpmn\">\n"
        + "  <bpmn:process id=\"" + processId + "\" isExecutable=\"true\">\n"
        + "    <bpmn:startEvent id=\"start\">\n";

    // when
    ProblemException problem = catchThrowableOfType(ProblemException.class, () -> engine.client()
        .newDeployResourceCommand().addResourceBytes(truncated.getBytes(StandardCharsets.UTF_8), fileName).send().join());

    // then
    assertThat(problem.code()).isEqualTo(400);
    assertThat(problem.details().getDetail()).contains(fileName).containsIgnoringCase("line");
    assertNothingStored(processId, fileName);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidModels")
  void shouldRejectInvalidModelNamingFileAndElementAndStoreNothing(String problemCase,
      Function<String, BpmnModelInstance> model, String elementId) {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    String fileName = processId + ".bpmn";

    // when
    ProblemException problem = catchThrowableOfType(ProblemException.class, () -> engine.client()
        .newDeployResourceCommand().addProcessModel(model.apply(processId), fileName).send().join());

    // then
    assertThat(problem.code()).isEqualTo(400);
    assertThat(problem.details().getDetail()).contains(fileName).contains("'" + elementId + "'");
    assertNothingStored(processId, fileName);
  }

  static Stream<Arguments> invalidModels() {
    Function<String, BpmnModelInstance> missingJobType = id -> Bpmn.createExecutableProcess(id).startEvent("start")
        .serviceTask("charge").endEvent("end").done();
    Function<String, BpmnModelInstance> bareScriptTask = id -> Bpmn.createExecutableProcess(id).startEvent("start")
        .scriptTask("approve").endEvent("end").done();
    return Stream.of(
        Arguments.of("service task without a job type", missingJobType, "charge"),
        Arguments.of("script task without zeebe:script or job type", bareScriptTask, "approve"));
  }

  // spec §14 scenario 30
  @ParameterizedTest(name = "{0}")
  @MethodSource("specRejections")
  void shouldRejectEachSpecRejectionCaseWithProblemDetailNamingElementAndStoreNothing(String problemCase,
      Function<String, byte[]> resource, String elementIdPattern) {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    String fileName = processId + ".bpmn";
    String elementId = String.format(elementIdPattern, processId);

    // when
    ProblemException problem = catchThrowableOfType(ProblemException.class, () -> engine.client()
        .newDeployResourceCommand().addResourceBytes(resource.apply(processId), fileName).send().join());

    // then
    assertThat(problem.code()).isEqualTo(400);
    assertThat(problem.details().getStatus()).isEqualTo(400);
    assertThat(problem.details().getTitle()).isNotBlank();
    assertThat(problem.details().getDetail()).contains(fileName).contains("element '" + elementId + "'");
    assertThat(problem.details().getDetail().lines()).hasSize(2); // the summary, then one line per problem
    assertNothingStored(processId, fileName);
  }

  /** Each case with the id of the element its problem names ({@code %s}: the process id). */
  static Stream<Arguments> specRejections() {
    Function<String, byte[]> complexGateway = id -> bytes(complexGatewayXml(id));
    Function<String, byte[]> conditionOnTaskFlow = id -> bytes(Bpmn.createExecutableProcess(id).startEvent("start")
        .serviceTask("charge", t -> t.zeebeJobType("charge")).sequenceFlowId("guarded").conditionExpression("x > 1")
        .endEvent("end").done());
    Function<String, byte[]> twoNoneStarts = id -> bytes(Bpmn.createExecutableProcess(id)
        .startEvent("first").endEvent("firstEnd")
        .moveToProcess(id).startEvent("second").endEvent("secondEnd").done());
    Function<String, byte[]> missingSubscription = id -> bytes(Bpmn.createExecutableProcess(id).startEvent("start")
        .intermediateCatchEvent("paid", e -> e.message(m -> m.name("payment-received")))
        .endEvent("end").done());
    Function<String, byte[]> reservedHeader = id -> bytes(Bpmn.createExecutableProcess(id).startEvent("start")
        .serviceTask("charge", t -> t.zeebeJobType("charge").zeebeTaskHeader("io.camunda.zeebe:assignee", "ana"))
        .endEvent("end").done());
    return Stream.of(
        Arguments.of("complex gateway", complexGateway, "join"),
        Arguments.of("condition on a task's outgoing flow", conditionOnTaskFlow, "guarded"),
        // the finding is about the process, and lists both start events
        Arguments.of("two none start events", twoNoneStarts, "%s"),
        Arguments.of("message catch event without zeebe:subscription", missingSubscription, "paid"),
        Arguments.of("reserved task header key", reservedHeader, "charge"));
  }

  private static byte[] bytes(BpmnModelInstance model) {
    return Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String xml) {
    return xml.getBytes(StandardCharsets.UTF_8);
  }

  /** The model builder has no complex gateway, so this one is written by hand. */
  private static String complexGatewayXml(String processId) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"d\""
        + " targetNamespace=\"http://bpmn.io/schema/bpmn\">\n"
        + "  <bpmn:process id=\"" + processId + "\" isExecutable=\"true\">\n"
        + "    <bpmn:startEvent id=\"start\" />\n"
        + "    <bpmn:complexGateway id=\"join\" />\n"
        + "    <bpmn:endEvent id=\"end\" />\n"
        + "    <bpmn:sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"join\" />\n"
        + "    <bpmn:sequenceFlow id=\"f2\" sourceRef=\"join\" targetRef=\"end\" />\n"
        + "  </bpmn:process>\n"
        + "</bpmn:definitions>\n";
  }

  @Test
  void shouldStoreNothingWhenOneFileOfMultiFileDeploymentIsInvalid() {
    // given
    String validId = ProcessTestEngine.uniqueId("process");
    String invalidId = ProcessTestEngine.uniqueId("process");
    String validFile = validId + ".bpmn";
    String invalidFile = invalidId + ".bpmn";
    BpmnModelInstance valid = Bpmn.createExecutableProcess(validId).startEvent("start").serviceTask("task", t -> t.zeebeJobType(validId + "-a")).endEvent("end").done();
    BpmnModelInstance invalid = Bpmn.createExecutableProcess(invalidId).startEvent("start").serviceTask("charge")
        .endEvent("end").done();

    // when
    ProblemException problem = catchThrowableOfType(ProblemException.class, () -> engine.client()
        .newDeployResourceCommand().addProcessModel(valid, validFile).addProcessModel(invalid, invalidFile).send().join());

    // then
    assertThat(problem.code()).isEqualTo(400);
    assertThat(problem.details().getDetail()).contains(invalidFile).contains("'charge'");
    assertNothingStored(validId, validFile);
    assertNothingStored(invalidId, invalidFile);
  }

  private void assertNothingStored(String processId, String fileName) {
    ProblemException notFound = catchThrowableOfType(ProblemException.class, () -> engine.client()
        .newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().variables(Map.of()).send().join());
    assertThat(notFound.code()).isEqualTo(404);
    assertThat(engine.records().matching(r -> mentions(r, processId, fileName))).isEmpty();
  }

  private static boolean mentions(Record record, String processId, String fileName) {
    if (record.value() instanceof ProcessRecord process) {
      return process.bpmnProcessId().equals(processId) || process.resourceName().equals(fileName);
    }
    if (record.value() instanceof DeploymentRecord deployment) {
      return deployment.resourceNames().contains(fileName)
          || deployment.processes().stream().anyMatch(p -> p.bpmnProcessId().equals(processId));
    }
    return false;
  }
}
