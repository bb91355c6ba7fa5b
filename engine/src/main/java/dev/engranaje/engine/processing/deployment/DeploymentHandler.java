package dev.engranaje.engine.processing.deployment;

import dev.engranaje.engine.decision.DecisionEngine;
import dev.engranaje.engine.gateway.DeployedForm;
import dev.engranaje.engine.gateway.DeployedProcess;
import dev.engranaje.engine.gateway.DeploymentResource;
import dev.engranaje.engine.gateway.DeploymentResult;
import dev.engranaje.engine.gateway.Rejection;
import dev.engranaje.engine.gateway.RejectionType;
import dev.engranaje.engine.model.ExecutableProcess;
import dev.engranaje.engine.model.ProcessTransformer;
import dev.engranaje.engine.processing.RecordWriter;
import dev.engranaje.engine.processing.timer.TimerStartEvents;
import dev.engranaje.engine.record.DeploymentIntent;
import dev.engranaje.engine.record.DeploymentRecord;
import dev.engranaje.engine.record.DeploymentRecord.DeployedFormMetadata;
import dev.engranaje.engine.record.DeploymentRecord.DeployedProcessMetadata;
import dev.engranaje.engine.record.ProcessIntent;
import dev.engranaje.engine.record.ProcessRecord;
import dev.engranaje.engine.state.EngineState;
import dev.engranaje.engine.state.ProcessState.DeployedDefinition;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deploys BPMN, DMN and form resources atomically (spec §1): every resource is read, validated and
 * transformed before anything is written, so a rejected deployment stores nothing. Versioning per spec §1.3: a
 * resource identical (checksum and name) to the latest version is a duplicate and keeps its key.
 */
public final class DeploymentHandler {
  private final EngineState state;
  private final RecordWriter writer;
  private final BpmnResourceReader reader;
  private final ProcessTransformer transformer;
  private final ProcessLoader loader;
  private final TimerStartEvents timerStarts;
  private final DecisionDeployment decisionDeployment;
  private final FormDeployment formDeployment;
  private final List<java.util.function.Consumer<ExecutableProcess>> deployedListeners = new ArrayList<>();

  public DeploymentHandler(EngineState state, RecordWriter writer, BpmnResourceReader reader,
      ProcessTransformer transformer, ProcessLoader loader, TimerStartEvents timerStarts, DecisionEngine decisionEngine,
      DecisionRequirementsLoader decisionLoader) {
    this.state = state;
    this.writer = writer;
    this.reader = reader;
    this.transformer = transformer;
    this.loader = loader;
    this.timerStarts = timerStarts;
    this.decisionDeployment = new DecisionDeployment(state, writer, decisionEngine, decisionLoader);
    this.formDeployment = new FormDeployment(state, writer);
  }

  /** Registers work to run when a new process version is deployed (e.g. start-event subscriptions). */
  public void onProcessDeployed(java.util.function.Consumer<ExecutableProcess> listener) {
    deployedListeners.add(listener);
  }

  private record Planned(ProcessRecord record, ExecutableProcess process, boolean duplicate) {}

  /** Prepares (on this thread) and deploys; the REST API prepares off the processor instead. */
  public DeploymentResult deploy(List<DeploymentResource> resources, String tenantId) {
    return deploy(new DeploymentPreparer(reader, transformer, Long.MAX_VALUE).prepare(resources, tenantId), tenantId);
  }

  /** Deploys a deployment read, validated and transformed by a {@link DeploymentPreparer}. */
  public DeploymentResult deploy(PreparedDeployment prepared, String tenantId) {
    List<Planned> planned = new ArrayList<>();
    List<DecisionDeployment.Planned> plannedDecisions = new ArrayList<>();
    List<FormDeployment.Planned> plannedForms = new ArrayList<>();
    Map<String, String> formIdsInDeployment = new HashMap<>();
    Set<String> graphIdsInDeployment = new HashSet<>();
    Map<String, String> decisionIdsInDeployment = new HashMap<>();
    List<DeploymentResource> resources = new ArrayList<>();
    for (PreparedDeployment.Resource prepresource : prepared.resources()) {
      DeploymentResource resource = prepresource.resource();
      resources.add(resource);
      if (resource.name().endsWith(".dmn")) {
        plannedDecisions.add(planDecisions(resource, tenantId, graphIdsInDeployment, decisionIdsInDeployment));
        continue;
      }
      if (resource.name().endsWith(".form")) {
        plannedForms.add(formDeployment.plan(resource, prepresource.checksum(), tenantId, formIdsInDeployment));
        continue;
      }
      if (!prepresource.bpmn()) {
        throw new Rejection(RejectionType.INVALID_ARGUMENT, "Expected resource '" + resource.name()
            + "' to be a BPMN model (.bpmn or .xml), a DMN model (.dmn) or a form (.form), but this engine supports"
            + " no other resource type yet");
      }
      String xml = new String(resource.content(), StandardCharsets.UTF_8);
      for (ExecutableProcess process : prepresource.processes()) {
        planned.add(plan(process, resource.name(), xml, prepresource.checksum(), tenantId));
      }
    }
    return write(resources, planned, plannedDecisions, plannedForms, tenantId);
  }

  private DecisionDeployment.Planned planDecisions(DeploymentResource resource, String tenantId,
      Set<String> graphIdsInDeployment, Map<String, String> decisionIdsInDeployment) {
    DecisionDeployment.Planned decisions =
        decisionDeployment.plan(resource, checksum(resource.content()), tenantId, decisionIdsInDeployment);
    if (!graphIdsInDeployment.add(decisions.requirements().id())) {
      throw new Rejection(RejectionType.INVALID_ARGUMENT, "Expected decision requirements ids to be unique in a"
          + " deployment, but '" + decisions.requirements().id() + "' is defined twice (in '" + resource.name() + "')");
    }
    return decisions;
  }

  private Planned plan(ExecutableProcess prepared, String resourceName, String xml, String checksum,
      String tenantId) {
    DeployedDefinition latest = state.processes().latest(prepared.bpmnProcessId());
    if (latest != null && latest.record().checksum().equals(checksum) && latest.record().resourceName().equals(resourceName)) {
      return new Planned(latest.record(), latest.process(), true);
    }
    int version = state.processes().highestVersion(prepared.bpmnProcessId()) + 1;
    long key = state.keys().next();
    ExecutableProcess executable;
    try {
      executable = prepared.withIdentity(version, key);
      timerStarts.check(executable);
    } catch (IllegalArgumentException e) {
      throw new Rejection(RejectionType.INVALID_ARGUMENT, "'" + resourceName + "': " + e.getMessage());
    }
    if (executable.root().noneStartEvent() == null && executable.root().children().stream().noneMatch(
        e -> e.type() == dev.engranaje.engine.model.BpmnElementType.START_EVENT)) {
      throw new Rejection(RejectionType.INVALID_ARGUMENT, "'" + resourceName + "': Expected process '"
          + prepared.bpmnProcessId() + "' to have a start event, but it has none");
    }
    return new Planned(new ProcessRecord(prepared.bpmnProcessId(), version, key, resourceName, checksum, xml, tenantId), executable, false);
  }

  private DeploymentResult write(List<DeploymentResource> resources, List<Planned> planned,
      List<DecisionDeployment.Planned> plannedDecisions, List<FormDeployment.Planned> plannedForms, String tenantId) {
    long deploymentKey = state.keys().next();
    List<DeployedProcessMetadata> metadata = new ArrayList<>();
    List<DeployedProcess> deployed = new ArrayList<>();
    for (Planned p : planned) {
      ProcessRecord r = p.record();
      metadata.add(new DeployedProcessMetadata(r.bpmnProcessId(), r.version(), r.processDefinitionKey(), r.resourceName(), p.duplicate()));
      deployed.add(new DeployedProcess(r.bpmnProcessId(), r.version(), r.processDefinitionKey(), r.resourceName(), r.tenantId()));
    }
    DeployedDecisions decisions = DeployedDecisions.of(plannedDecisions, tenantId);
    List<DeployedFormMetadata> formMetadata = plannedForms.stream().map(FormDeployment.Planned::metadata).toList();
    List<DeployedForm> forms = plannedForms.stream().map(FormDeployment.Planned::deployed).toList();
    writer.event(deploymentKey, DeploymentIntent.CREATED, new DeploymentRecord(
        resources.stream().map(DeploymentResource::name).toList(), metadata, tenantId,
        decisions.requirementsMetadata(), decisions.decisionMetadata(), formMetadata));
    // decisions and forms first: a process deployed with them may use them as soon as it starts
    plannedDecisions.forEach(p -> decisionDeployment.write(p, deploymentKey));
    plannedForms.forEach(p -> formDeployment.write(p, deploymentKey));
    for (Planned p : planned) {
      if (!p.duplicate()) {
        loader.handOver(p.process());
        writer.event(p.record().processDefinitionKey(), ProcessIntent.CREATED, p.record());
        timerStarts.onProcessDeployed(p.process());
        deployedListeners.forEach(listener -> listener.accept(p.process()));
      }
    }
    return new DeploymentResult(deploymentKey, tenantId, deployed, decisions.requirements(), decisions.decisions(),
        forms);
  }

  private static String checksum(byte[] content) {
    return DeploymentPreparer.checksum(content);
  }
}
