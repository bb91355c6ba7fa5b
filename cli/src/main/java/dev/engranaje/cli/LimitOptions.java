package dev.engranaje.cli;

import dev.engranaje.engine.EngineLimits;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The {@code rpa engine start} flags that raise (or lower) the engine's limits; each one left out
 * keeps the default of {@link EngineLimits} (see docs/engine/limits.md).
 */
final class LimitOptions {
  @Option(names = "--max-variables-size", paramLabel = "BYTES",
      description = "Largest variables document of one command (default: 4194304, Zeebe's 4 MB).")
  Long maxVariablesBytes;

  @Option(names = "--max-message-name-length", paramLabel = "CHARS", description = "Default: 1024.")
  Integer maxMessageNameLength;

  @Option(names = "--max-correlation-key-length", paramLabel = "CHARS", description = "Default: 4096.")
  Integer maxCorrelationKeyLength;

  @Option(names = "--max-message-id-length", paramLabel = "CHARS", description = "Default: 1024.")
  Integer maxMessageIdLength;

  @Option(names = "--max-signal-name-length", paramLabel = "CHARS", description = "Default: 1024.")
  Integer maxSignalNameLength;

  @Option(names = "--max-job-type-length", paramLabel = "CHARS", description = "Default: 1024.")
  Integer maxJobTypeLength;

  @Option(names = "--max-error-code-length", paramLabel = "CHARS", description = "Default: 1024.")
  Integer maxErrorCodeLength;

  @Option(names = "--max-deployment-size", paramLabel = "BYTES",
      description = "Largest total of a deployment's resources (default: 4194304).")
  Long maxDeploymentBytes;

  @Option(names = "--max-model-elements", paramLabel = "N", description = "BPMN elements per resource (default: 50000).")
  Integer maxModelElements;

  @Option(names = "--max-expression-length", paramLabel = "CHARS", description = "Default: 16384.")
  Integer maxExpressionLength;

  @Option(names = "--max-expression-nesting", paramLabel = "DEPTH", description = "Default: 200.")
  Integer maxExpressionNesting;

  @Option(names = "--max-feel-evaluation-time", paramLabel = "DURATION",
      description = "Longest FEEL evaluation, ISO-8601 such as PT2S (default: PT2S).")
  Duration maxFeelEvaluationTime;

  @Option(names = "--max-feel-evaluation-size", paramLabel = "BYTES",
      description = "Bytes one FEEL evaluation may allocate (default: 268435456).")
  Long maxFeelEvaluationBytes;

  @Option(names = "--max-feel-range", paramLabel = "ITEMS",
      description = "Items of one FEEL range or loop product (default: 1000000).")
  Long maxFeelRangeItems;

  EngineLimits toLimits() {
    EngineLimits.Builder limits = EngineLimits.builder();
    if (maxVariablesBytes != null) {
      limits.maxVariablesBytes(maxVariablesBytes);
    }
    if (maxMessageNameLength != null) {
      limits.maxMessageNameLength(maxMessageNameLength);
    }
    if (maxCorrelationKeyLength != null) {
      limits.maxCorrelationKeyLength(maxCorrelationKeyLength);
    }
    if (maxMessageIdLength != null) {
      limits.maxMessageIdLength(maxMessageIdLength);
    }
    if (maxSignalNameLength != null) {
      limits.maxSignalNameLength(maxSignalNameLength);
    }
    if (maxJobTypeLength != null) {
      limits.maxJobTypeLength(maxJobTypeLength);
    }
    if (maxErrorCodeLength != null) {
      limits.maxErrorCodeLength(maxErrorCodeLength);
    }
    if (maxDeploymentBytes != null) {
      limits.maxDeploymentBytes(maxDeploymentBytes);
    }
    if (maxModelElements != null) {
      limits.maxModelElements(maxModelElements);
    }
    if (maxExpressionLength != null) {
      limits.maxExpressionLength(maxExpressionLength);
    }
    if (maxExpressionNesting != null) {
      limits.maxExpressionNesting(maxExpressionNesting);
    }
    if (maxFeelEvaluationTime != null) {
      limits.maxFeelEvaluationTime(maxFeelEvaluationTime);
    }
    if (maxFeelEvaluationBytes != null) {
      limits.maxFeelEvaluationBytes(maxFeelEvaluationBytes);
    }
    if (maxFeelRangeItems != null) {
      limits.maxFeelRangeItems(maxFeelRangeItems);
    }
    return limits.build();
  }
}
