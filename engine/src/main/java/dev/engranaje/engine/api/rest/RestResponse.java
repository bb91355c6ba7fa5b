package dev.engranaje.engine.api.rest;

/**
 * What a route handler answers: a status and an optional body, serialized as JSON.
 *
 * @param status the HTTP status code
 * @param body the object to serialize, raw bytes to send as they are, or null for no body
 * @param contentType the media type of the body
 * @param onUndelivered runs when the answer cannot be delivered (the client went away before or
 *     while it was written), e.g. to hand back jobs activated for it; null for nothing
 */
record RestResponse(int status, Object body, String contentType, Runnable onUndelivered) {

  static final String JSON = "application/json";
  static final String PROBLEM_JSON = "application/problem+json";

  RestResponse(int status, Object body, String contentType) {
    this(status, body, contentType, null);
  }

  static RestResponse ok(Object body) {
    return new RestResponse(200, body, JSON);
  }

  static RestResponse noContent() {
    return new RestResponse(204, null, null);
  }

  /** This answer, running {@code action} if it cannot be delivered. */
  RestResponse onUndelivered(Runnable action) {
    return new RestResponse(status, body, contentType, action);
  }

  /** Runs the undelivered action, if any, once per call site's answer. */
  void undelivered() {
    if (onUndelivered != null) {
      onUndelivered.run();
    }
  }
}
