package dev.engranaje.engine;

import dev.engranaje.engine.expression.FeelBudget;
import dev.engranaje.engine.model.validation.ModelLimits;
import java.time.Duration;
import java.util.Objects;

/**
 * How much one command, one deployment and one FEEL evaluation may hold. Immutable and validated
 * once; build with {@link #builder()} or take {@link #defaults()}. Each limit is refused with a
 * message naming it, the actual size and the {@code rpa engine start} flag that raises it (see
 * docs/engine/limits.md).
 *
 * <p>The defaults follow Zeebe: its 4 MB default maximum message size bounds a command's variables
 * and a deployment's resources. Zeebe has no separate limit on names, keys or FEEL; the defaults
 * here are far above anything a model or a worker needs and far below what hurts the engine.
 *
 * @param maxVariablesBytes the UTF-8 size of the variables of one command (create instance,
 *     complete or fail a job, throw an error, publish or correlate a message, broadcast a signal,
 *     set variables, complete a user task), of a job's error message, and of one FEEL result (a
 *     mapping, a script, an output element). Default 4 MB ({@code --max-variables-size}).
 * @param maxMessageNameLength characters of a published message's name. Default 1,024.
 * @param maxCorrelationKeyLength characters of a correlation key. Default 4,096.
 * @param maxMessageIdLength characters of a message id. Default 1,024.
 * @param maxSignalNameLength characters of a signal name. Default 1,024.
 * @param maxJobTypeLength characters of a job type in an activation request. Default 1,024.
 * @param maxErrorCodeLength characters of an error code thrown by a worker. Default 1,024.
 * @param maxDeploymentBytes bytes of all resources of one deployment. Default 4 MB.
 * @param model limits on the content of a model, checked at deploy time
 * @param feel the budget of one FEEL evaluation
 */
public record EngineLimits(
    long maxVariablesBytes,
    int maxMessageNameLength,
    int maxCorrelationKeyLength,
    int maxMessageIdLength,
    int maxSignalNameLength,
    int maxJobTypeLength,
    int maxErrorCodeLength,
    long maxDeploymentBytes,
    ModelLimits model,
    FeelBudget feel) {

  public static final long FOUR_MEGABYTES = 4L * 1024 * 1024;

  public EngineLimits {
    positive("maxVariablesBytes", maxVariablesBytes);
    positive("maxMessageNameLength", maxMessageNameLength);
    positive("maxCorrelationKeyLength", maxCorrelationKeyLength);
    positive("maxMessageIdLength", maxMessageIdLength);
    positive("maxSignalNameLength", maxSignalNameLength);
    positive("maxJobTypeLength", maxJobTypeLength);
    positive("maxErrorCodeLength", maxErrorCodeLength);
    positive("maxDeploymentBytes", maxDeploymentBytes);
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(feel, "feel");
  }

  public static EngineLimits defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  private static void positive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException("Expected limit '" + name + "' to be positive, but it is " + value);
    }
  }

  /** Builder starting from the documented defaults. */
  public static final class Builder {
    private long maxVariablesBytes = FOUR_MEGABYTES;
    private int maxMessageNameLength = 1_024;
    private int maxCorrelationKeyLength = 4_096;
    private int maxMessageIdLength = 1_024;
    private int maxSignalNameLength = 1_024;
    private int maxJobTypeLength = 1_024;
    private int maxErrorCodeLength = 1_024;
    private long maxDeploymentBytes = FOUR_MEGABYTES;
    private int maxModelElements = ModelLimits.DEFAULTS.maxElements();
    private int maxExpressionLength = ModelLimits.DEFAULTS.maxExpressionLength();
    private int maxExpressionNesting = ModelLimits.DEFAULTS.maxExpressionNesting();
    private Duration maxFeelEvaluationTime = FeelBudget.DEFAULTS.maxTime();
    private long maxFeelEvaluationBytes = FeelBudget.DEFAULTS.maxAllocatedBytes();
    private long maxFeelRangeItems = FeelBudget.DEFAULTS.maxRangeItems();

    public Builder maxVariablesBytes(long value) {
      this.maxVariablesBytes = value;
      return this;
    }

    public Builder maxMessageNameLength(int value) {
      this.maxMessageNameLength = value;
      return this;
    }

    public Builder maxCorrelationKeyLength(int value) {
      this.maxCorrelationKeyLength = value;
      return this;
    }

    public Builder maxMessageIdLength(int value) {
      this.maxMessageIdLength = value;
      return this;
    }

    public Builder maxSignalNameLength(int value) {
      this.maxSignalNameLength = value;
      return this;
    }

    public Builder maxJobTypeLength(int value) {
      this.maxJobTypeLength = value;
      return this;
    }

    public Builder maxErrorCodeLength(int value) {
      this.maxErrorCodeLength = value;
      return this;
    }

    public Builder maxDeploymentBytes(long value) {
      this.maxDeploymentBytes = value;
      return this;
    }

    public Builder maxModelElements(int value) {
      this.maxModelElements = value;
      return this;
    }

    public Builder maxExpressionLength(int value) {
      this.maxExpressionLength = value;
      return this;
    }

    public Builder maxExpressionNesting(int value) {
      this.maxExpressionNesting = value;
      return this;
    }

    public Builder maxFeelEvaluationTime(Duration value) {
      this.maxFeelEvaluationTime = value;
      return this;
    }

    public Builder maxFeelEvaluationBytes(long value) {
      this.maxFeelEvaluationBytes = value;
      return this;
    }

    public Builder maxFeelRangeItems(long value) {
      this.maxFeelRangeItems = value;
      return this;
    }

    public EngineLimits build() {
      positive("maxVariablesBytes", maxVariablesBytes); // before the FEEL budget that shares it can refuse it in its words
      return new EngineLimits(maxVariablesBytes, maxMessageNameLength, maxCorrelationKeyLength, maxMessageIdLength,
          maxSignalNameLength, maxJobTypeLength, maxErrorCodeLength, maxDeploymentBytes,
          new ModelLimits(maxModelElements, maxExpressionLength, maxExpressionNesting),
          new FeelBudget(maxFeelEvaluationTime, maxFeelEvaluationBytes, maxFeelRangeItems, maxVariablesBytes));
    }
  }
}
