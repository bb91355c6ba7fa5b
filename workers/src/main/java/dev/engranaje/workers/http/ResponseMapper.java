package dev.engranaje.workers.http;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.TechnicalFailure;
import dev.engranaje.workers.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a kept response into the job's outcome: a 2xx becomes an {@link HttpResult}; a status an
 * {@code errorMapping} rule names becomes a {@link BusinessError} with that code (variables {@code
 * status} and {@code body}); any other status is a permanent failure (a 5xx, 408 or 429 only gets
 * here when a rule names it: without one it was retried). Stateless apart from its collaborators.
 */
final class ResponseMapper {
  static final int MAX_MAPPED_FILE_BYTES = 32 * 1024 * 1024;
  static final String UNEXPECTED_STATUS =
      "Expected a 2xx response from %s, but got HTTP %d: %s; fix the request, or map the status to a BPMN error"
          + " with errorMapping, e.g. {\"%d\": \"SOME_CODE\"}";
  static final String MAPPED_STATUS = "Expected a 2xx response from %s, but got HTTP %d: %s";
  static final String BAD_POINTER =
      "Expected a JSON Pointer like /items/0/id in '%s', but got '%s'";
  static final String NOT_JSON =
      "Expected a JSON response from %s to apply '%s' to, but got Content-Type '%s'; remove '%s' or fix the request";
  static final String TOO_BIG_TO_MAP =
      "Expected a JSON response of at most %d bytes from %s to apply '%s' to, but it has %d bytes (saved to '%s'); read the file instead";

  private final ObjectMapper json;
  private final Workspace workspace;

  ResponseMapper(ObjectMapper json, Workspace workspace) {
    this.json = json;
    this.workspace = workspace;
  }

  HttpResult map(RecordedResponse response, HttpRequestInput input, HttpCall call, ErrorMapping mapping)
      throws BusinessError, TechnicalFailure {
    int status = response.status();
    if (!response.isSuccess()) {
      String body = ResponseBodies.forMessage(response.bodyText());
      String code = mapping.codeFor(status).orElse(null);
      if (code != null) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("status", status);
        variables.put("body", response.bodyText());
        throw new BusinessError(code, String.format(MAPPED_STATUS, call.describe(), status, body), variables);
      }
      throw TechnicalFailure.permanent(String.format(UNEXPECTED_STATUS, call.describe(), status, body, status));
    }
    boolean wantsJson = input.bodyPointer() != null && !input.bodyPointer().isBlank() || !input.responseMapping().isEmpty();
    JsonNode tree = wantsJson ? parsed(response, input, call) : null;
    JsonNode body = response.bodyFile() != null ? null : tree != null ? tree : inline(response);
    if (tree != null && input.bodyPointer() != null && !input.bodyPointer().isBlank()) {
      JsonNode selected = tree.at(pointer("bodyPointer", input.bodyPointer()));
      body = selected.isMissingNode() ? NullNode.getInstance() : selected;
    }
    Map<String, Object> mapped = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : input.responseMapping().entrySet()) {
      JsonNode value = tree.at(pointer("responseMapping." + entry.getKey(), entry.getValue()));
      mapped.put(entry.getKey(), value.isMissingNode() ? null : json.convertValue(value, Object.class));
    }
    return new HttpResult(status, response.headers(), body, response.bodyFile(), mapped);
  }

  private JsonNode inline(RecordedResponse response) {
    if (response.bodyText() == null) {
      return null;
    }
    if (response.isJson()) {
      try {
        return json.readTree(response.bodyText());
      } catch (IOException notJsonAfterAll) {
        return TextNode.valueOf(response.bodyText());
      }
    }
    return TextNode.valueOf(response.bodyText());
  }

  private JsonNode parsed(RecordedResponse response, HttpRequestInput input, HttpCall call) throws TechnicalFailure {
    String property = input.bodyPointer() != null && !input.bodyPointer().isBlank() ? "bodyPointer" : "responseMapping";
    if (!response.isJson()) {
      throw TechnicalFailure.permanent(String.format(NOT_JSON, call.describe(), property, response.contentType(), property));
    }
    try {
      if (response.bodyFile() == null) {
        return response.bodyText() == null ? NullNode.getInstance() : json.readTree(response.bodyText());
      }
      Path file = workspace.resolve(response.bodyFile());
      long size = Files.size(file);
      if (size > MAX_MAPPED_FILE_BYTES) {
        throw TechnicalFailure.permanent(String.format(TOO_BIG_TO_MAP, MAX_MAPPED_FILE_BYTES, call.describe(), property, size,
            response.bodyFile()));
      }
      return json.readTree(file.toFile());
    } catch (IOException e) {
      throw TechnicalFailure.permanent("Expected valid JSON from " + call.describe() + ", but " + e.getMessage(), e);
    }
  }

  private static JsonPointer pointer(String property, String text) throws TechnicalFailure {
    try {
      return JsonPointer.compile(text);
    } catch (IllegalArgumentException e) {
      throw TechnicalFailure.permanent(String.format(BAD_POINTER, property, text));
    }
  }
}
