package dev.engranaje.engine.api.rest;

import dev.engranaje.engine.gateway.Rejection;
import dev.engranaje.engine.gateway.RejectionType;
import java.util.Map;

/**
 * One parsed HTTP request as a route handler sees it.
 *
 * @param method the HTTP method, upper case
 * @param path the request path without query string
 * @param pathParams values of the route's {@code {name}} segments
 * @param contentType the Content-Type header, or null
 * @param body the request body, empty when none was sent; never larger than the server's limit
 * @param connection the client's connection, to learn when it goes away
 * @param query the query string's parameters (the first value of each), empty when none
 * @param identity who sent it ({@link Router.Identity#OPEN} when the API needs no credentials)
 */
record RestRequest(
    String method,
    String path,
    Map<String, String> pathParams,
    String contentType,
    byte[] body,
    ClientConnection connection,
    Map<String, String> query,
    Router.Identity identity) {

  RestRequest(String method, String path, Map<String, String> pathParams, String contentType, byte[] body) {
    this(method, path, pathParams, contentType, body, ClientConnection.NONE, Map.of(), Router.Identity.OPEN);
  }

  /** The path parameter {@code name} as an engine key; a non-numeric value is a bad request. */
  long key(String name) {
    return Json.parseKey(pathParams.get(name), name);
  }

  /** The JSON body bound to {@code type}; an empty body binds to an empty object. */
  <T> T body(Class<T> type) {
    return Json.read(body, type);
  }

  static Rejection badRequest(String message) {
    return new Rejection(RejectionType.INVALID_ARGUMENT, message);
  }
}
