package dev.engranaje.workers.http;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The output of {@code rpa:http.request:1}: the status, the response headers, the body (parsed
 * JSON, text, or the part {@code bodyPointer} selects) or the workspace file it was saved to, and
 * one variable per {@code responseMapping} entry.
 *
 * @param headers lower-case names; {@code Set-Cookie} is left out
 * @param body null when the body went to {@code bodyFile} or there was none
 * @param bodyFile workspace reference of the saved body, or null
 * @param mapped variables named in {@code responseMapping}, written as top-level variables
 */
public record HttpResult(
    int status, Map<String, String> headers, JsonNode body, String bodyFile, @JsonIgnore Map<String, Object> mapped) {

  @JsonAnyGetter
  Map<String, Object> mappedVariables() {
    return mapped;
  }
}
