package dev.engranaje.workers.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * One worker's section under {@code settings:} in {@code worker.yaml}, bound on demand to the
 * record the worker declares. Unknown keys are refused, so a typo is reported instead of ignored.
 *
 * <p>Immutable.
 */
public final class WorkerSettings {
  static final String MISMATCH = "Expected section '%s' of the worker configuration to fit %s, but %s";
  static final String MISSING =
      "Expected a section '%s' in the worker configuration for job type '%s', but there is none;"
          + " add it under 'settings:'";

  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final String jobType;
  private final String path;
  private final JsonNode node;

  /**
   * @param jobType the job type of the worker reading the section, for messages
   * @param section the section name, e.g. {@code mail}
   * @param node its content; {@link MissingNode} or null when the file has no such section
   */
  public WorkerSettings(String jobType, String section, JsonNode node) {
    this.jobType = jobType;
    this.path = "settings." + section;
    this.node = node == null || node.isNull() ? MissingNode.getInstance() : node;
  }

  /** An absent section. */
  public static WorkerSettings none(String jobType, String section) {
    return new WorkerSettings(jobType, section, MissingNode.getInstance());
  }

  /** True when {@code worker.yaml} has this section. */
  public boolean isPresent() {
    return !node.isMissingNode();
  }

  /** The raw section, for workers with free-form settings. */
  public JsonNode node() {
    return node;
  }

  /**
   * Binds the section to {@code type} (a record whose components are the keys). Durations are
   * ISO-8601 ({@code PT30S}).
   *
   * @throws InvalidConfiguration naming the bad key, or when the section is missing
   */
  public <T> T as(Class<T> type) {
    if (!isPresent()) {
      throw new InvalidConfiguration(String.format(MISSING, path, jobType));
    }
    try {
      return JSON.treeToValue(node, type);
    } catch (JsonMappingException e) {
      throw new InvalidConfiguration(String.format(MISMATCH, path, type.getSimpleName(), InvalidConfiguration.describe(path, e)), e);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new InvalidConfiguration(String.format(MISMATCH, path, type.getSimpleName(), e.getOriginalMessage()), e);
    }
  }
}
