package dev.engranaje.engine.api.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.engranaje.engine.gateway.UserTaskUpdate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the body of {@code PATCH /v2/user-tasks/{key}} ({@code changeset} and {@code action}, as
 * the client's {@code UserTaskUpdateRequest} sends them) into a {@link UserTaskUpdate}. An absent or
 * null attribute stays unchanged; the client sends an empty string or list to clear one. Only JSON
 * types are checked here; the engine checks the values.
 */
final class UserTaskUpdateReader {
  static final String WRONG_TYPE = "Expected '%s' to be %s, but it was %s";

  private UserTaskUpdateReader() {}

  static UserTaskUpdate read(byte[] body) {
    JsonNode request = Json.readTree(body);
    JsonNode changeset = request.path("changeset");
    if (!changeset.isMissingNode() && !changeset.isNull() && !changeset.isObject()) {
      throw wrongType("changeset", "an object", changeset);
    }
    return new UserTaskUpdate(
        names(changeset, "candidateGroups"),
        names(changeset, "candidateUsers"),
        text(changeset, "dueDate", "changeset."),
        text(changeset, "followUpDate", "changeset."),
        priority(changeset),
        text(request, "action", ""));
  }

  private static List<String> names(JsonNode changeset, String field) {
    JsonNode node = changeset.path(field);
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (!node.isArray()) {
      throw wrongType("changeset." + field, "a list of strings", node);
    }
    List<String> names = new ArrayList<>();
    for (JsonNode item : node) {
      if (!item.isTextual()) {
        throw wrongType("changeset." + field, "a list of strings", node);
      }
      names.add(item.asText());
    }
    return names;
  }

  private static String text(JsonNode parent, String field, String prefix) {
    JsonNode node = parent.path(field);
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw wrongType(prefix + field, "a string", node);
    }
    return node.asText();
  }

  private static Integer priority(JsonNode changeset) {
    JsonNode node = changeset.path("priority");
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw wrongType("changeset.priority", "a whole number", node);
    }
    return node.intValue();
  }

  private static RuntimeException wrongType(String field, String expected, JsonNode actual) {
    return RestRequest.badRequest(WRONG_TYPE.formatted(field, expected, actual));
  }
}
