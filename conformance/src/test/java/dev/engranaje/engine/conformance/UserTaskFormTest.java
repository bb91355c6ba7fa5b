package dev.engranaje.engine.conformance;

import static dev.engranaje.test.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engranaje.engine.record.FormIntent;
import dev.engranaje.engine.record.FormRecord;
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.test.ProcessTest;
import dev.engranaje.test.ProcessTestEngine;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.search.response.Form;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Camunda forms (spec §1, §5): {@code .form} deployments, user tasks linking them with
 * {@code zeebe:formDefinition formId} and each binding, FORM_NOT_FOUND, and fetching a task's form
 * through the client. Each test deploys the invoice approval form under a fresh form id.
 */
@ProcessTest(autoTimeSkipping = false)
class UserTaskFormTest {
  ProcessTestEngine engine;

  @Test
  void shouldLinkTheFormAndHandOutItsSchemaWhenBpmnAndFormAreDeployedTogether() {
    // given
    FormFixture form = FormFixture.invoiceApproval();
    String processId = ProcessTestEngine.uniqueId("process");

    // when
    DeploymentEvent deployment = engine.client().newDeployResourceCommand()
        .addProcessModel(approval(processId, form.formId(), t -> t), "invoice.bpmn")
        .addResourceBytes(form.bytes(), "invoice-approval.form").send().join();
    long instance = engine.startInstance(processId, Map.of("invoiceNumber", "INV-7", "amount", 1250.5)).key();
    UserTask task = awaitTask(instance);
    Form fetched = engine.client().newUserTaskGetFormRequest(task.getUserTaskKey()).send().join();

    // then
    assertThat(deployment.getProcesses()).hasSize(1);
    assertThat(deployment.getForm()).singleElement().satisfies(deployed -> {
      assertThat(deployed.getFormId()).isEqualTo(form.formId());
      assertThat(deployed.getVersion()).isEqualTo(1);
      assertThat(deployed.getResourceName()).isEqualTo("invoice-approval.form");
      assertThat(deployed.getTenantId()).isEqualTo("<default>");
    });
    long formKey = deployment.getForm().get(0).getFormKey();
    assertThat(formRecords(form.formId())).singleElement().satisfies(record -> {
      assertThat(record.formKey()).isEqualTo(formKey);
      assertThat(record.deploymentKey()).isEqualTo(deployment.getKey());
      assertThat(record.versionTag()).isEqualTo("v1");
      assertThat(record.resource()).isEqualTo(form.text());
    });
    assertThat(task.getFormKey()).isEqualTo(formKey);
    assertThat(fetched.getFormKey()).isEqualTo(formKey);
    assertThat(fetched.getFormId()).isEqualTo(form.formId());
    assertThat(fetched.getVersion()).isEqualTo(1);
    assertThat(fetched.getSchema()).isEqualTo(form.text());
    assertThat(fetched.getTenantId()).isEqualTo("<default>");
  }

  @Test
  void shouldKeepVersionAndKeyWhenTheSameFormIsDeployedAgain() {
    // given
    FormFixture form = FormFixture.invoiceApproval();
    io.camunda.client.api.response.Form first = deployForm(form, "approval.form");

    // when
    io.camunda.client.api.response.Form again = deployForm(form, "approval.form");
    io.camunda.client.api.response.Form renamed = deployForm(form, "renamed.form");
    io.camunda.client.api.response.Form changed = deployForm(form.withLabel("Comment", "Reason"), "renamed.form");

    // then
    assertThat(again.getVersion()).isEqualTo(1);
    assertThat(again.getFormKey()).isEqualTo(first.getFormKey());
    assertThat(renamed.getVersion()).isEqualTo(2);
    assertThat(changed.getVersion()).isEqualTo(3);
    assertThat(List.of(first.getFormKey(), renamed.getFormKey(), changed.getFormKey())).doesNotHaveDuplicates();
    assertThat(formRecords(form.formId())).extracting(FormRecord::version).containsExactly(1, 2, 3);
  }

  @Test
  void shouldLinkTheLatestVersionWhenTheTaskIsCreatedWhenBindingIsLatest() {
    // given a task created while version 1 was the latest
    FormFixture form = FormFixture.invoiceApproval();
    String processId = ProcessTestEngine.uniqueId("process");
    long v1 = deployForm(form, "invoice-approval.form").getFormKey();
    engine.deploy(approval(processId, form.formId(), t -> t.zeebeFormBindingType(ZeebeBindingType.latest)));
    UserTask before = awaitTask(engine.startInstance(processId, Map.of()).key());

    // when version 2 is deployed
    FormFixture changed = form.withLabel("Comment", "Reason");
    long v2 = deployForm(changed, "invoice-approval.form").getFormKey();
    UserTask after = awaitTask(engine.startInstance(processId, Map.of()).key());

    // then
    assertThat(before.getFormKey()).isEqualTo(v1);
    assertThat(after.getFormKey()).isEqualTo(v2);
    Form fetched = engine.client().newUserTaskGetFormRequest(after.getUserTaskKey()).send().join();
    assertThat(fetched.getVersion()).isEqualTo(2);
    assertThat(fetched.getSchema()).isEqualTo(changed.text());
  }

  @Test
  void shouldLinkTheVersionDeployedWithTheProcessWhenBindingIsDeployment() {
    // given the process deployed with version 1, then version 2 deployed alone
    FormFixture form = FormFixture.invoiceApproval();
    String processId = ProcessTestEngine.uniqueId("process");
    long v1 = engine.client().newDeployResourceCommand()
        .addProcessModel(approval(processId, form.formId(), t -> t.zeebeFormBindingType(ZeebeBindingType.deployment)),
            "invoice.bpmn")
        .addResourceBytes(form.bytes(), "invoice-approval.form").send().join().getForm().get(0).getFormKey();
    long v2 = deployForm(form.withLabel("Comment", "Reason"), "invoice-approval.form").getFormKey();

    // when
    UserTask task = awaitTask(engine.startInstance(processId, Map.of()).key());

    // then
    assertThat(v2).isNotEqualTo(v1);
    assertThat(task.getFormKey()).isEqualTo(v1);
  }

  @Test
  void shouldLinkTheNewestVersionWithTheTagWhenBindingIsVersionTag() {
    // given version 1 tagged v1 and version 2 tagged v2
    FormFixture form = FormFixture.invoiceApproval();
    long v1 = deployForm(form, "invoice-approval.form").getFormKey();
    deployForm(form.withVersionTag("v2"), "invoice-approval.form");
    String processId = ProcessTestEngine.uniqueId("process");
    engine.deploy(approval(processId, form.formId(),
        t -> t.zeebeFormBindingType(ZeebeBindingType.versionTag).zeebeFormVersionTag("v1")));

    // when
    UserTask task = awaitTask(engine.startInstance(processId, Map.of()).key());

    // then
    assertThat(task.getFormKey()).isEqualTo(v1);
  }

  @Test
  void shouldRaiseFormNotFoundAndCreateTheTaskOnResolveAfterTheFormIsDeployed() {
    // given a process whose form is not deployed yet
    FormFixture form = FormFixture.invoiceApproval();
    String processId = ProcessTestEngine.uniqueId("process");
    engine.deploy(approval(processId, form.formId(), t -> t));

    // when
    long instance = engine.startInstance(processId, Map.of()).key();

    // then
    assertThat(engine.instance(instance)).hasIncident();
    List<Incident> incidents = engine.incidents(instance);
    assertThat(incidents).singleElement().satisfies(incident -> {
      assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.FORM_NOT_FOUND);
      assertThat(incident.getErrorMessage()).isEqualTo("Expected to find a form with id '" + form.formId()
          + "', but no form with this id is deployed; deploy it and resolve the incident");
      assertThat(incident.getElementId()).isEqualTo("approve");
    });
    assertThat(openTasks(instance)).isEmpty();

    // when the form is deployed and the incident resolved
    long formKey = deployForm(form, "invoice-approval.form").getFormKey();
    engine.client().newResolveIncidentCommand(incidents.get(0).getIncidentKey()).send().join();

    // then
    UserTask task = awaitTask(instance);
    assertThat(task.getFormKey()).isEqualTo(formKey);
    engine.client().newCompleteUserTaskCommand(task.getUserTaskKey()).variables(Map.of("approved", true)).send()
        .join();
    assertThat(engine.instance(instance)).isCompleted();
  }

  @Test
  void shouldRaiseFormNotFoundNamingTheTagWhenNoVersionHasIt() {
    // given
    FormFixture form = FormFixture.invoiceApproval();
    deployForm(form, "invoice-approval.form");
    String processId = ProcessTestEngine.uniqueId("process");
    engine.deploy(approval(processId, form.formId(),
        t -> t.zeebeFormBindingType(ZeebeBindingType.versionTag).zeebeFormVersionTag("v9")));

    // when
    long instance = engine.startInstance(processId, Map.of()).key();

    // then
    assertThat(engine.instance(instance)).hasIncident();
    assertThat(engine.incidents(instance)).singleElement().satisfies(incident -> {
      assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.FORM_NOT_FOUND);
      assertThat(incident.getErrorMessage()).isEqualTo("Expected to find a form with id '" + form.formId()
          + "' and version tag 'v9', but no version of it has this tag");
    });
  }

  @Test
  void shouldRejectTheWholeDeploymentNamingTheFileWhenAFormIsBroken() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");

    // when / then
    assertThatThrownBy(() -> engine.client().newDeployResourceCommand()
        .addProcessModel(approval(processId, "invoice-approval", t -> t), "invoice.bpmn")
        .addResourceBytes(FormFixture.read("broken-malformed.form"), "invoice-approval.form").send().join())
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(400))
        .hasMessageContaining("Expected form resource 'invoice-approval.form' to be a JSON object, but it is"
            + " malformed")
        .hasMessageContaining("line 5");
    assertThatThrownBy(() -> engine.startInstance(processId, Map.of())).hasMessageContaining(processId);
    assertThatThrownBy(() -> engine.client().newDeployResourceCommand()
        .addResourceBytes(FormFixture.read("broken-missing-id.form"), "no-id.form").send().join())
        .hasMessageContaining("Expected form resource 'no-id.form' to have a string 'id' (the form id), but it has"
            + " none");
    assertThatThrownBy(() -> engine.client().newDeployResourceCommand()
        .addResourceBytes("[1, 2]".getBytes(StandardCharsets.UTF_8), "list.form").send().join())
        .hasMessageContaining("Expected form resource 'list.form' to be a JSON object, but it is a JSON array");
  }

  @Test
  void shouldRejectTwoFormsWithOneIdInOneDeployment() {
    // given
    FormFixture form = FormFixture.invoiceApproval();

    // when / then
    assertThatThrownBy(() -> engine.client().newDeployResourceCommand()
        .addResourceBytes(form.bytes(), "a.form").addResourceBytes(form.withVersionTag("v2").bytes(), "b.form")
        .send().join())
        .hasMessageContaining("Expected form ids to be unique in a deployment, but '" + form.formId()
            + "' is defined in both 'a.form' and 'b.form'");
    assertThat(formRecords(form.formId())).isEmpty();
  }

  @Test
  void shouldRejectAVersionTagBindingWithoutAVersionTag() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    BpmnModelInstance model = approval(processId, "invoice-approval",
        t -> t.zeebeFormBindingType(ZeebeBindingType.versionTag));

    // when / then
    assertThatThrownBy(() -> engine.deploy(model))
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(400))
        .hasMessageContaining("element 'approve'")
        .hasMessageContaining("Attribute 'versionTag' must be present and not empty if 'bindingType' is 'versionTag'");
  }

  @Test
  void shouldAnswerNoContentWhenTheTaskLinksNoFormAndNotFoundForAnUnknownTask() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .userTask("approve", t -> t.zeebeUserTask().zeebeExternalFormReference("https://forms.example/approve"))
        .endEvent().done());
    UserTask task = awaitTask(engine.startInstance(processId, Map.of()).key());

    // when
    Form none = engine.client().newUserTaskGetFormRequest(task.getUserTaskKey()).send().join();

    // then the client reads 204 No Content as a form without fields
    assertThat(none.getFormId()).isNull();
    assertThat(none.getSchema()).isNull();
    assertThatThrownBy(() -> engine.client().newUserTaskGetFormRequest(task.getUserTaskKey() + 1_000_000).send()
        .join())
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(404));
  }

  @Test
  void shouldPutTheFormKeyInTheHeadersWhenAJobWorkerUserTaskLinksAForm() {
    // given
    FormFixture form = FormFixture.invoiceApproval();
    long formKey = deployForm(form, "invoice-approval.form").getFormKey();
    String processId = ProcessTestEngine.uniqueId("process");
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .userTask("approve", t -> t.zeebeFormId(form.formId())).endEvent().done());

    // when
    long instance = engine.startInstance(processId, Map.of()).key();
    ActivatedJob job = engine.activateJob("io.camunda.zeebe:userTask");

    // then
    assertThat(job.getProcessInstanceKey()).isEqualTo(instance);
    assertThat(job.getCustomHeaders()).containsEntry("io.camunda.zeebe:formKey", Long.toString(formKey));
  }

  private static BpmnModelInstance approval(String processId, String formId,
      UnaryOperator<io.camunda.zeebe.model.bpmn.builder.UserTaskBuilder> binding) {
    return Bpmn.createExecutableProcess(processId).startEvent()
        .userTask("approve", t -> binding.apply(t.zeebeUserTask().zeebeFormId(formId))).endEvent().done();
  }

  private io.camunda.client.api.response.Form deployForm(FormFixture form, String resourceName) {
    return engine.client().newDeployResourceCommand().addResourceBytes(form.bytes(), resourceName).send().join()
        .getForm().get(0);
  }

  private List<FormRecord> formRecords(String formId) {
    return engine.records().matching(r -> r.valueType() == ValueType.FORM && r.intent() == FormIntent.CREATED
        && ((FormRecord) r.value()).formId().equals(formId)).stream().map(r -> (FormRecord) r.value()).toList();
  }

  private UserTask awaitTask(long instanceKey) {
    engine.awaitIdle();
    assertThat(openTasks(instanceKey)).as("a user task is open").isNotEmpty();
    return openTasks(instanceKey).get(0);
  }

  private List<UserTask> openTasks(long instanceKey) {
    return engine.client().newUserTaskSearchRequest()
        .filter(f -> f.processInstanceKey(instanceKey).state(UserTaskState.CREATED)).send().join().items();
  }

  /** The invoice approval form fixture with its form id made unique for one test. */
  record FormFixture(String text, String formId) {
    static FormFixture invoiceApproval() {
      String formId = "invoice-approval-" + UUID.randomUUID().toString().substring(0, 8);
      String text = new String(read("invoice-approval.form"), StandardCharsets.UTF_8)
          .replace("\"id\": \"invoice-approval\"", "\"id\": \"" + formId + "\"");
      return new FormFixture(text, formId);
    }

    FormFixture withLabel(String label, String replacement) {
      return new FormFixture(text.replace("\"label\": \"" + label + "\"", "\"label\": \"" + replacement + "\""),
          formId);
    }

    FormFixture withVersionTag(String versionTag) {
      return new FormFixture(text.replace("\"versionTag\": \"v1\"", "\"versionTag\": \"" + versionTag + "\""),
          formId);
    }

    byte[] bytes() {
      return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] read(String name) {
      try (InputStream in = UserTaskFormTest.class.getResourceAsStream("/form/" + name)) {
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
