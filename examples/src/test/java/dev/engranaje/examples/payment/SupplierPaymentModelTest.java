package dev.engranaje.examples.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engranaje.engine.testkit.TestEngine;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The supplier-payment model as Camunda Modeler opens it: templates, forms and a complete diagram. */
class SupplierPaymentModelTest {
  private static final Path BPMN = Path.of("..", "bpmn");
  private static final BpmnModelInstance MODEL = Bpmn.readModelFromFile(BPMN.resolve(SupplierPaymentStack.MODEL).toFile());

  @Test
  void shouldNameForEveryServiceTaskAnElementTemplateWithItsJobType() throws Exception {
    // given
    Map<String, String> templates = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    for (File file : BPMN.resolve("element-templates").toFile().listFiles()) {
      JsonNode template = json.readTree(file);
      for (JsonNode property : template.get("properties")) {
        JsonNode binding = property.path("binding");
        if (binding.path("type").asText().equals("zeebe:taskDefinition") && binding.path("property").asText("type").equals("type")) {
          templates.put(template.get("id").asText(), property.get("value").asText());
        }
      }
    }

    // then
    for (ServiceTask task : MODEL.getModelElementsByType(ServiceTask.class)) {
      String template = task.getAttributeValueNs("http://camunda.org/schema/zeebe/1.0", "modelerTemplate");
      String type = task.getSingleExtensionElement(ZeebeTaskDefinition.class).getType();
      assertThat(templates).as("template of task '%s'", task.getId()).containsEntry(template, type);
      assertThat(SupplierPaymentStack.JOB_TYPES).as("the stack runs a worker for '%s'", task.getId()).contains(type);
    }
  }

  @Test
  void shouldGiveEveryUserTaskAFormThatExists() throws Exception {
    Set<String> forms = SupplierPaymentStack.FORMS.stream().map(f -> f.substring("forms/".length(), f.length() - ".form".length()))
        .collect(Collectors.toSet());
    for (String form : forms) {
      assertThat(new ObjectMapper().readTree(BPMN.resolve("forms").resolve(form + ".form").toFile()).get("id").asText()).isEqualTo(form);
    }
    List<UserTask> tasks = List.copyOf(MODEL.getModelElementsByType(UserTask.class));
    assertThat(tasks).extracting(BaseElement::getId)
        .containsExactlyInAnyOrder("review-invoice", "verify-bank-details", "approve-run", "approve-run-second",
            "mail-rejections-undelivered", "mail-bank-rejections-undelivered", "mail-remittances-undelivered",
            "mail-file-refused-undelivered", "mail-status-overdue-undelivered", "mail-run-report-undelivered");
    for (UserTask task : tasks) {
      assertThat(forms).contains(task.getSingleExtensionElement(ZeebeFormDefinition.class).getFormId());
    }
  }

  @Test
  void shouldDrawEveryElementAndFlowWithoutOverlappingTasks() {
    Map<String, BpmnShape> shapes = MODEL.getModelElementsByType(BpmnShape.class).stream()
        .collect(Collectors.toMap(s -> s.getBpmnElement().getId(), s -> s));
    Set<String> edges = MODEL.getModelElementsByType(BpmnEdge.class).stream().map(e -> e.getBpmnElement().getId())
        .collect(Collectors.toSet());
    for (FlowNode node : MODEL.getModelElementsByType(FlowNode.class)) {
      assertThat(shapes).as("shape of '%s'", node.getId()).containsKey(node.getId());
    }
    for (SequenceFlow flow : MODEL.getModelElementsByType(SequenceFlow.class)) {
      assertThat(edges).as("edge of '%s'", flow.getId()).contains(flow.getId());
    }
    List<BpmnShape> boxes = shapes.values().stream()
        .filter(s -> !(s.getBpmnElement() instanceof BoundaryEvent) && !(s.getBpmnElement() instanceof SubProcess)).toList();
    for (BpmnShape a : boxes) {
      for (BpmnShape b : boxes) {
        if (a != b) {
          assertThat(overlap(a, b)).as("'%s' overlaps '%s'", a.getBpmnElement().getId(), b.getBpmnElement().getId()).isFalse();
        }
      }
    }
  }

  @Test
  void shouldCatchTheFourEyesErrorAfterEveryApprovalAndLoopBackToItsTask() {
    for (String recorder : List.of("record-verification", "record-approval", "record-second-approval")) {
      BoundaryEvent boundary = MODEL.getModelElementsByType(BoundaryEvent.class).stream()
          .filter(b -> b.getAttachedTo().getId().equals(recorder)).findFirst().orElseThrow();
      FlowNode loopTarget = boundary.getOutgoing().iterator().next().getTarget();
      assertThat(loopTarget.getOutgoing().iterator().next().getTarget()).isInstanceOf(UserTask.class);
    }
  }

  @Test
  void shouldBeAcceptedByTheEmbeddedEngineWithItsForms() throws Exception {
    try (TestEngine engine = TestEngine.inMemory()) {
      var deploy = engine.client().newDeployResourceCommand()
          .addResourceFile(BPMN.resolve(SupplierPaymentStack.MODEL).toString());
      for (String form : SupplierPaymentStack.FORMS) {
        deploy = deploy.addResourceFile(BPMN.resolve(form).toString());
      }
      var deployment = deploy.send().join();
      assertThat(deployment.getProcesses()).extracting(p -> p.getBpmnProcessId()).containsExactly(SupplierPaymentStack.PROCESS_ID);
      assertThat(deployment.getForm()).hasSize(SupplierPaymentStack.FORMS.size());
    }
  }

  private static boolean overlap(BpmnShape a, BpmnShape b) {
    var p = a.getBounds();
    var r = b.getBounds();
    return p.getX() < r.getX() + r.getWidth() && r.getX() < p.getX() + p.getWidth()
        && p.getY() < r.getY() + r.getHeight() && r.getY() < p.getY() + p.getHeight();
  }

}
