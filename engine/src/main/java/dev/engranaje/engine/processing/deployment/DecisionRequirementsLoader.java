package dev.engranaje.engine.processing.deployment;

import dev.engranaje.engine.decision.DecisionEngine;
import dev.engranaje.engine.decision.ParsedDecisionRequirements;
import dev.engranaje.engine.record.DecisionRequirementsRecord;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The parsed form of deployed DMN resources, by decision requirements key. A resource just deployed
 * is handed over; after recovery the stored DMN is parsed again on first use (it was validated when
 * deployed), so replaying a log does not pay for parsing decisions nobody evaluates.
 */
public final class DecisionRequirementsLoader {
  private final DecisionEngine engine;
  private final Map<Long, ParsedDecisionRequirements> parsed = new HashMap<>();

  public DecisionRequirementsLoader(DecisionEngine engine) {
    this.engine = engine;
  }

  void handOver(long decisionRequirementsKey, ParsedDecisionRequirements requirements) {
    parsed.put(decisionRequirementsKey, requirements);
  }

  public ParsedDecisionRequirements load(DecisionRequirementsRecord record) {
    return parsed.computeIfAbsent(record.decisionRequirementsKey(),
        key -> engine.parse(record.resource().getBytes(StandardCharsets.UTF_8)));
  }
}
