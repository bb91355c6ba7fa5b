package dev.engranaje.workers.http;

import java.util.Map;

/**
 * A response as kept: what the idempotency ledger records for a POST, so a redelivered job maps the
 * same answer without asking again. The body is either inline text (redacted) or a workspace file.
 *
 * @param headers lower-case names, repeated values joined with ", "; cookies left out
 * @param contentType the Content-Type header, or null
 * @param bodyText the body as text, or null (empty, binary or saved to a file)
 * @param bodyFile the workspace reference of the saved body, or null
 */
record RecordedResponse(int status, Map<String, String> headers, String contentType, String bodyText, String bodyFile) {

  boolean isSuccess() {
    return status / 100 == 2;
  }

  boolean isJson() {
    return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("json");
  }
}
