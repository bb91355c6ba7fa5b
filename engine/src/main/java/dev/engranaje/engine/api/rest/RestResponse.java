package dev.engranaje.engine.api.rest;

/**
 * What a route handler answers: a status and an optional body, serialized as JSON.
 *
 * @param status the HTTP status code
 * @param body the object to serialize, or null for no body
 * @param contentType the media type of the body
 */
record RestResponse(int status, Object body, String contentType) {

  static final String JSON = "application/json";
  static final String PROBLEM_JSON = "application/problem+json";

  static RestResponse ok(Object body) {
    return new RestResponse(200, body, JSON);
  }

  static RestResponse noContent() {
    return new RestResponse(204, null, null);
  }
}
