package dev.engranaje.cli.lint;

import static dev.engranaje.cli.lint.InlineModels.lint;
import static dev.engranaje.cli.lint.InlineModels.process;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngranajeRulesTest {
  private static final String HTTP_TEMPLATE = """
      {"id": "acme.http", "name": "HTTP", "version": %d, "appliesTo": ["bpmn:Task"],
       "properties": [
        {"type": "Hidden", "value": "rpa:http.request:1", "binding": {"type": "zeebe:taskDefinition", "property": "type"}},
        {"id": "url", "label": "URL", "type": "String", "binding": {"type": "zeebe:input", "name": "url"},
         "constraints": {"notEmpty": true}},
        {"id": "authType", "label": "Authentication", "type": "Dropdown", "value": "none",
         "binding": {"type": "zeebe:input", "name": "authType"}, "choices": [{"name": "none", "value": "none"}]},
        {"id": "username", "label": "Username", "type": "String", "binding": {"type": "zeebe:input", "name": "username"},
         "constraints": {"notEmpty": true}, "condition": {"property": "authType", "equals": "basic"}}]}
      """;

  @TempDir Path templates;

  private static String httpTask(String attributes, String inputs) {
    return "<bpmn:startEvent id=\"s\"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>"
        + "<bpmn:sequenceFlow id=\"f1\" sourceRef=\"s\" targetRef=\"call\"/>"
        + "<bpmn:serviceTask id=\"call\" " + attributes + "><bpmn:extensionElements>"
        + "<zeebe:taskDefinition type=\"rpa:http.request:1\"/><zeebe:ioMapping>" + inputs + "</zeebe:ioMapping>"
        + "</bpmn:extensionElements><bpmn:incoming>f1</bpmn:incoming></bpmn:serviceTask>";
  }

  @Test
  void shouldWarnWhenAPostHasNoErrorPath() {
    String post = process(httpTask("", "<zeebe:input source=\"POST\" target=\"method\"/>"));
    String get = process(httpTask("", "<zeebe:input source=\"GET\" target=\"method\"/>"));
    String caught = process(httpTask("", "<zeebe:input source=\"POST\" target=\"method\"/>")
        + "<bpmn:boundaryEvent id=\"refused\" attachedToRef=\"call\"><bpmn:errorEventDefinition/></bpmn:boundaryEvent>");

    assertThat(lint(post, "rpa/side-effect-error-path")).extracting(LintFinding::message).containsExactly(
        "Expected side-effecting serviceTask 'call' (rpa:http.request:1 POST) to have an error path (an error boundary"
            + " event on it or an enclosing subprocess, or an error event subprocess), but a refusal has nowhere to go");
    assertThat(lint(get, "rpa/side-effect-error-path")).isEmpty();
    assertThat(lint(caught, "rpa/side-effect-error-path")).isEmpty();
  }

  @Test
  void shouldWarnWhenAnUploadHasNoErrorPathButNotWhenATaskOnlyPrepares() {
    String upload = process("<bpmn:serviceTask id=\"upload\"><bpmn:extensionElements>"
        + "<zeebe:taskDefinition type=\"rpa:payments.upload-payment-file:1\"/></bpmn:extensionElements></bpmn:serviceTask>");
    String prepare = process("<bpmn:serviceTask id=\"prepare\"><bpmn:extensionElements>"
        + "<zeebe:taskDefinition type=\"rpa:payments.prepare-run:1\"/></bpmn:extensionElements></bpmn:serviceTask>");

    assertThat(lint(upload, "rpa/side-effect-error-path")).extracting(LintFinding::elementId).containsExactly("upload");
    assertThat(lint(prepare, "rpa/side-effect-error-path")).isEmpty();
  }

  @Test
  void shouldRequireAConditionalFieldOnlyWhenItsConditionHolds() throws Exception {
    Files.writeString(templates.resolve("http.json"), HTTP_TEMPLATE.formatted(1));
    TemplateLibrary library = TemplateLibrary.read(List.of(templates));
    String linked = "zeebe:modelerTemplate=\"acme.http\" zeebe:modelerTemplateVersion=\"1\"";

    List<LintFinding> basicWithoutUser = lint(process(httpTask(linked,
        "<zeebe:input source=\"https://x\" target=\"url\"/><zeebe:input source=\"basic\" target=\"authType\"/>")),
        "rpa/template-required-field", library);
    List<LintFinding> noAuth = lint(process(httpTask(linked, "<zeebe:input source=\"https://x\" target=\"url\"/>")),
        "rpa/template-required-field", library);
    List<LintFinding> noUrl = lint(process(httpTask(linked, "")), "rpa/template-required-field", library);

    assertThat(basicWithoutUser).extracting(LintFinding::message).containsExactly(
        "Expected 'call' to fill the required field 'Username' (zeebe:input 'username') of template 'acme.http', but it is empty");
    assertThat(noAuth).isEmpty();
    assertThat(noUrl).extracting(LintFinding::message).singleElement().asString().contains("'URL' (zeebe:input 'url')");
  }

  @Test
  void shouldWarnWhenATaskUsesAnOlderTemplateVersion() throws Exception {
    Files.writeString(templates.resolve("http-1.json"), HTTP_TEMPLATE.formatted(1));
    Files.writeString(templates.resolve("http-2.json"), HTTP_TEMPLATE.formatted(2));
    TemplateLibrary library = TemplateLibrary.read(List.of(templates));

    List<LintFinding> findings = lint(process(httpTask(
        "zeebe:modelerTemplate=\"acme.http\" zeebe:modelerTemplateVersion=\"1\"", "")), "rpa/template-outdated", library);

    assertThat(findings).extracting(LintFinding::message).singleElement().asString()
        .startsWith("Expected 'call' to use the current version 2 of template 'acme.http' (HTTP, http-2.json), but it uses version 1");
  }

  @Test
  void shouldWarnWhenNothingServesAJobType() {
    String model = process("<bpmn:serviceTask id=\"t\"><bpmn:extensionElements>"
        + "<zeebe:taskDefinition type=\"rpa:mail.sned:1\"/></bpmn:extensionElements></bpmn:serviceTask>");

    assertThat(lint(model, "rpa/unknown-job-type")).extracting(LintFinding::elementId, LintFinding::line)
        .containsExactly(tuple("t", 4));
  }

  @Test
  void shouldWarnWhenAnElementCannotBeReached() {
    String model = process("<bpmn:startEvent id=\"s\"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>"
        + "<bpmn:endEvent id=\"e\"><bpmn:incoming>f1</bpmn:incoming></bpmn:endEvent>"
        + "<bpmn:sequenceFlow id=\"f1\" sourceRef=\"s\" targetRef=\"e\"/>"
        + "<bpmn:manualTask id=\"orphan\"><bpmn:outgoing>f2</bpmn:outgoing></bpmn:manualTask>"
        + "<bpmn:endEvent id=\"e2\"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>"
        + "<bpmn:sequenceFlow id=\"f2\" sourceRef=\"orphan\" targetRef=\"e2\"/>");

    assertThat(lint(model, "rpa/unreachable-element")).extracting(LintFinding::elementId).containsExactly("orphan", "e2");
  }

  @Test
  void shouldNameEveryUndrawnElementWhenTheDiagramIsIncomplete() {
    String body = "<bpmn:startEvent id=\"s\"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>"
        + "<bpmn:endEvent id=\"e\"><bpmn:incoming>f1</bpmn:incoming></bpmn:endEvent>"
        + "<bpmn:sequenceFlow id=\"f1\" sourceRef=\"s\" targetRef=\"e\"/>";
    String diagram = "<bpmndi:BPMNDiagram id=\"d\"><bpmndi:BPMNPlane id=\"pl\" bpmnElement=\"p\">"
        + "<bpmndi:BPMNShape id=\"s_di\" bpmnElement=\"s\"><dc:Bounds x=\"0\" y=\"0\" width=\"36\" height=\"36\"/>"
        + "</bpmndi:BPMNShape></bpmndi:BPMNPlane></bpmndi:BPMNDiagram>";

    assertThat(lint(process(body), "rpa/missing-diagram")).extracting(LintFinding::elementId).containsExactly((String) null);
    assertThat(lint(process(body, diagram), "rpa/missing-diagram")).extracting(LintFinding::message).containsExactly(
        "Expected endEvent 'e' to have a shape (bpmndi:BPMNShape) in the diagram, but it has none, so Modeler does not show it",
        "Expected sequenceFlow 'f1' to have an edge (bpmndi:BPMNEdge) in the diagram, but it has none, so Modeler does not show it");
  }

  @Test
  void shouldWarnWhenATimerDateHasNoZone() {
    String local = process("<bpmn:startEvent id=\"t\"><bpmn:timerEventDefinition>"
        + "<bpmn:timeDate>2026-12-24T07:00:00</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:startEvent>");
    String cycle = process("<bpmn:startEvent id=\"t\"><bpmn:timerEventDefinition>"
        + "<bpmn:timeCycle>R/2026-12-24T07:00/P1D</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>");
    String utc = process("<bpmn:startEvent id=\"t\"><bpmn:timerEventDefinition>"
        + "<bpmn:timeDate>2026-12-24T07:00:00Z</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:startEvent>");
    String offset = process("<bpmn:startEvent id=\"t\"><bpmn:timerEventDefinition>"
        + "<bpmn:timeCycle>R/2026-12-24T07:00:00+01:00/P1D</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>");

    assertThat(lint(local, "rpa/timer-time-zone")).extracting(LintFinding::message).containsExactly(
        "Expected the timeDate '2026-12-24T07:00:00' of timer 't' to carry a zone offset (e.g. 2026-12-24T07:00:00Z or"
            + " 2026-12-24T07:00:00+01:00), but it has none, so it is read as UTC");
    assertThat(lint(cycle, "rpa/timer-time-zone")).hasSize(1);
    assertThat(lint(utc, "rpa/timer-time-zone")).isEmpty();
    assertThat(lint(offset, "rpa/timer-time-zone")).isEmpty();
  }

  @Test
  void shouldWarnWhenAUserTaskHasNoForm() {
    String model = process("<bpmn:userTask id=\"review\"><bpmn:extensionElements><zeebe:userTask/>"
        + "</bpmn:extensionElements></bpmn:userTask>");

    assertThat(lint(model, "rpa/user-task-form")).extracting(LintFinding::elementId).containsExactly("review");
  }
}
