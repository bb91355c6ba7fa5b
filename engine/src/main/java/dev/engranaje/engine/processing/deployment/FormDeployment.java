package dev.engranaje.engine.processing.deployment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engranaje.engine.gateway.DeployedForm;
import dev.engranaje.engine.gateway.DeploymentResource;
import dev.engranaje.engine.gateway.Rejection;
import dev.engranaje.engine.gateway.RejectionType;
import dev.engranaje.engine.processing.RecordWriter;
import dev.engranaje.engine.record.DeploymentRecord.DeployedFormMetadata;
import dev.engranaje.engine.record.FormIntent;
import dev.engranaje.engine.record.FormRecord;
import dev.engranaje.engine.state.EngineState;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Deploys Camunda Forms resources ({@code .form}, the JSON a form editor saves). The engine reads
 * only the schema's string {@code id} (the form id) and optional {@code versionTag}; the rest is
 * stored as deployed and handed out to task lists. Forms are versioned per form id; a resource
 * equal (checksum and name) to the latest version is a duplicate and keeps its key and version.
 * Not thread-safe: runs on the processing thread.
 */
final class FormDeployment {
  static final String INVALID_JSON = "Expected form resource '%s' to be a JSON object, but %s";
  static final String MISSING_ID = "Expected form resource '%s' to have a string 'id' (the form id), but %s";
  static final String INVALID_VERSION_TAG = "Expected the 'versionTag' of form resource '%s' to be a string, but"
      + " it is %s";
  static final String DUPLICATE_FORM = "Expected form ids to be unique in a deployment, but '%s' is defined in"
      + " both '%s' and '%s'";

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final EngineState state;
  private final RecordWriter writer;

  /** A form ready to write: its version and key assigned; the deployment key comes with {@link #record}. */
  record Planned(String formId, int version, long formKey, String versionTag, String resourceName, String checksum,
      String resource, String tenantId, boolean duplicate) {
    FormRecord record(long deploymentKey) {
      return new FormRecord(formId, version, formKey, versionTag, resourceName, checksum, resource, deploymentKey,
          tenantId);
    }

    DeployedFormMetadata metadata() {
      return new DeployedFormMetadata(formId, version, formKey, resourceName, duplicate);
    }

    DeployedForm deployed() {
      return new DeployedForm(formId, version, formKey, resourceName, tenantId);
    }
  }

  FormDeployment(EngineState state, RecordWriter writer) {
    this.state = state;
    this.writer = writer;
  }

  /**
   * Parses a form resource and assigns its version and key.
   *
   * @param formIds the resource name of each form id planned so far in this deployment, to reject
   *     duplicates
   */
  Planned plan(DeploymentResource resource, String checksum, String tenantId, Map<String, String> formIds) {
    String text = text(resource);
    JsonNode schema = parse(resource.name(), text);
    String formId = formId(resource.name(), schema);
    String versionTag = versionTag(resource.name(), schema);
    String earlier = formIds.putIfAbsent(formId, resource.name());
    if (earlier != null) {
      throw invalid(DUPLICATE_FORM.formatted(formId, earlier, resource.name()));
    }
    FormRecord latest = state.forms().latest(formId);
    if (latest != null && latest.checksum().equals(checksum) && latest.resourceName().equals(resource.name())) {
      return new Planned(formId, latest.version(), latest.formKey(), latest.versionTag(), latest.resourceName(),
          checksum, latest.resource(), latest.tenantId(), true);
    }
    int version = latest == null ? 1 : latest.version() + 1;
    return new Planned(formId, version, state.keys().next(), versionTag, resource.name(), checksum, text, tenantId,
        false);
  }

  /** Writes Form CREATED; a duplicate writes nothing. */
  void write(Planned planned, long deploymentKey) {
    if (!planned.duplicate()) {
      writer.event(planned.formKey(), FormIntent.CREATED, planned.record(deploymentKey));
    }
  }

  private static String text(DeploymentResource resource) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(resource.content())).toString();
    } catch (CharacterCodingException e) {
      throw invalid(INVALID_JSON.formatted(resource.name(), "it is not UTF-8 text"));
    }
  }

  private static JsonNode parse(String resourceName, String text) {
    JsonNode schema;
    try {
      schema = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw invalid(INVALID_JSON.formatted(resourceName, "it is malformed: " + e.getOriginalMessage()
          + location(e)));
    } catch (IOException e) {
      throw new IllegalStateException("Reading a string cannot fail with I/O", e);
    }
    if (schema == null || !schema.isObject()) {
      String found = schema == null || schema.isMissingNode() ? "it is empty" : "it is a JSON " + kind(schema);
      throw invalid(INVALID_JSON.formatted(resourceName, found));
    }
    return schema;
  }

  private static String formId(String resourceName, JsonNode schema) {
    JsonNode id = schema.get("id");
    if (id == null || id.isNull()) {
      throw invalid(MISSING_ID.formatted(resourceName, "it has none"));
    }
    if (!id.isTextual()) {
      throw invalid(MISSING_ID.formatted(resourceName, "it is a JSON " + kind(id)));
    }
    if (id.asText().isBlank()) {
      throw invalid(MISSING_ID.formatted(resourceName, "it is blank"));
    }
    return id.asText();
  }

  private static String versionTag(String resourceName, JsonNode schema) {
    JsonNode tag = schema.get("versionTag");
    if (tag == null || tag.isNull()) {
      return null;
    }
    if (!tag.isTextual()) {
      throw invalid(INVALID_VERSION_TAG.formatted(resourceName, "a JSON " + kind(tag)));
    }
    return tag.asText().isBlank() ? null : tag.asText();
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null ? ""
        : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
  }

  private static String kind(JsonNode node) {
    return node.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  private static Rejection invalid(String message) {
    return new Rejection(RejectionType.INVALID_ARGUMENT, message);
  }
}
