package dev.engranaje.engine.processing.deployment;

import dev.engranaje.engine.decision.DecisionEngine;
import dev.engranaje.engine.decision.ParsedDecisionRequirements;
import dev.engranaje.engine.gateway.DeploymentResource;
import dev.engranaje.engine.gateway.Rejection;
import dev.engranaje.engine.gateway.RejectionType;
import dev.engranaje.engine.model.validation.SafeXml;
import dev.engranaje.engine.processing.RecordWriter;
import dev.engranaje.engine.record.DecisionIntent;
import dev.engranaje.engine.record.DecisionRecord;
import dev.engranaje.engine.record.DecisionRequirementsIntent;
import dev.engranaje.engine.record.DecisionRequirementsRecord;
import dev.engranaje.engine.state.EngineState;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Deploys DMN resources: each is one decision requirements graph (DRG) whose decisions are
 * versioned per decision id, as processes are per process id. A resource equal (checksum and name)
 * to the latest version of its DRG is a duplicate and keeps the keys and versions of its graph and
 * decisions.
 */
final class DecisionDeployment {
  static final String INVALID_DMN = "Expected to deploy a valid DMN resource, but '%s' is invalid: %s";
  static final String DUPLICATE_DECISION = "Expected decision ids to be unique in a deployment, but '%s' is"
      + " defined twice (in '%s')";
  static final String DECISION_IN_OTHER_GRAPH = "Expected decision '%s' in '%s' to belong to decision requirements"
      + " '%s' as its deployed versions do, but it is declared in '%s'; give the decision another id";

  private final EngineState state;
  private final RecordWriter writer;
  private final DecisionEngine engine;
  private final DecisionRequirementsLoader loader;

  /** A DMN resource ready to write: its graph and decisions with versions and keys assigned. */
  record Planned(PlannedRequirements requirements, List<PlannedDecision> decisions, ParsedDecisionRequirements parsed,
      boolean duplicate) {}

  /** Graph fields known before the deployment key is; {@link #record} completes them. */
  record PlannedRequirements(String id, String name, int version, long key, String namespace, String resourceName,
      String checksum, String resource, String tenantId) {
    DecisionRequirementsRecord record(long deploymentKey) {
      return new DecisionRequirementsRecord(id, name, version, key, namespace, resourceName, checksum, resource,
          deploymentKey, tenantId);
    }
  }

  record PlannedDecision(String id, String name, int version, long key, String versionTag) {
    DecisionRecord record(PlannedRequirements requirements, long deploymentKey) {
      return new DecisionRecord(id, name, version, key, versionTag, requirements.id(), requirements.key(),
          deploymentKey, requirements.tenantId());
    }
  }

  DecisionDeployment(EngineState state, RecordWriter writer, DecisionEngine engine, DecisionRequirementsLoader loader) {
    this.state = state;
    this.writer = writer;
    this.engine = engine;
    this.loader = loader;
  }

  /**
   * Parses and validates a DMN resource and assigns versions and keys.
   *
   * @param decisionIds ids of the decisions planned so far in this deployment, to reject duplicates
   */
  Planned plan(DeploymentResource resource, String checksum, String tenantId, Map<String, String> decisionIds) {
    ParsedDecisionRequirements parsed = parse(resource);
    for (ParsedDecisionRequirements.Decision decision : parsed.decisions()) {
      if (decisionIds.putIfAbsent(decision.id(), resource.name()) != null) {
        throw new Rejection(RejectionType.INVALID_ARGUMENT,
            String.format(DUPLICATE_DECISION, decision.id(), resource.name()));
      }
      DecisionRecord latest = state.decisions().latestDecision(decision.id());
      if (latest != null && !latest.decisionRequirementsId().equals(parsed.id())) {
        throw new Rejection(RejectionType.INVALID_ARGUMENT, String.format(DECISION_IN_OTHER_GRAPH, decision.id(),
            resource.name(), latest.decisionRequirementsId(), parsed.id()));
      }
    }
    DecisionRequirementsRecord latest = state.decisions().latestRequirements(parsed.id());
    if (latest != null && latest.checksum().equals(checksum) && latest.resourceName().equals(resource.name())) {
      return duplicateOf(latest, parsed);
    }
    PlannedRequirements requirements = new PlannedRequirements(parsed.id(), parsed.name(),
        latest == null ? 1 : latest.version() + 1, state.keys().next(), parsed.namespace(), resource.name(), checksum,
        new String(resource.content(), StandardCharsets.UTF_8), tenantId);
    List<PlannedDecision> decisions = new ArrayList<>();
    for (ParsedDecisionRequirements.Decision decision : parsed.decisions()) {
      DecisionRecord previous = state.decisions().latestDecision(decision.id());
      decisions.add(new PlannedDecision(decision.id(), decision.name(), previous == null ? 1 : previous.version() + 1,
          state.keys().next(), decision.versionTag()));
    }
    return new Planned(requirements, List.copyOf(decisions), parsed, false);
  }

  private ParsedDecisionRequirements parse(DeploymentResource resource) {
    Optional<String> xmlProblem = SafeXml.scan(resource.content());
    if (xmlProblem.isPresent()) {
      throw new Rejection(RejectionType.INVALID_ARGUMENT, String.format(INVALID_DMN, resource.name(), xmlProblem.get()));
    }
    try {
      return engine.parse(resource.content());
    } catch (IllegalArgumentException e) {
      throw new Rejection(RejectionType.INVALID_ARGUMENT, String.format(INVALID_DMN, resource.name(), e.getMessage()));
    }
  }

  private Planned duplicateOf(DecisionRequirementsRecord latest, ParsedDecisionRequirements parsed) {
    PlannedRequirements requirements = new PlannedRequirements(latest.decisionRequirementsId(),
        latest.decisionRequirementsName(), latest.version(), latest.decisionRequirementsKey(), latest.namespace(),
        latest.resourceName(), latest.checksum(), latest.resource(), latest.tenantId());
    List<PlannedDecision> decisions = state.decisions().decisionsOf(latest.decisionRequirementsKey()).stream()
        .sorted(Comparator.comparingLong(DecisionRecord::decisionKey))
        .map(d -> new PlannedDecision(d.decisionId(), d.decisionName(), d.version(), d.decisionKey(), d.versionTag()))
        .toList();
    return new Planned(requirements, decisions, parsed, true);
  }

  /** Writes the graph and its decisions; a duplicate writes nothing. */
  void write(Planned planned, long deploymentKey) {
    if (planned.duplicate()) {
      return;
    }
    PlannedRequirements requirements = planned.requirements();
    loader.handOver(requirements.key(), planned.parsed());
    writer.event(requirements.key(), DecisionRequirementsIntent.CREATED, requirements.record(deploymentKey));
    for (PlannedDecision decision : planned.decisions()) {
      writer.event(decision.key(), DecisionIntent.CREATED, decision.record(requirements, deploymentKey));
    }
  }
}
