package dev.engranaje.workers.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.engranaje.workers.api.Secret;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code rpa:http.request:1} reads from the job. Only {@code url} is required; defaults are
 * applied here, in one place.
 *
 * @param method GET (default), HEAD, POST, PUT, PATCH, DELETE or OPTIONS
 * @param url an absolute http(s) URL; its query string may be extended by {@code query}
 * @param headers request headers; values may contain {@code {{secrets.NAME}}}
 * @param query query parameters (a list value repeats the parameter); values may contain secrets
 * @param body a JSON body (any JSON value; strings inside may contain secrets); sent as text when
 *     it is a string and the Content-Type header is not JSON
 * @param form a form body ({@code application/x-www-form-urlencoded}); values may contain secrets
 * @param bodyFile a workspace file sent as the body (Content-Type from the headers or the file)
 * @param authType none (default), basic, bearer or oauth2 (client credentials)
 * @param username basic auth user
 * @param password basic auth password (a secret reference)
 * @param token bearer token (a secret reference)
 * @param tokenUrl OAuth2 token endpoint
 * @param clientId OAuth2 client id
 * @param clientSecret OAuth2 client secret (a secret reference)
 * @param scope OAuth2 scope, optional
 * @param tokenAuthMethod how the client authenticates at the token endpoint: basic (default) or body
 * @param timeoutSeconds per request (default 30)
 * @param maxAttempts attempts inside one job for 5xx, 408, 429 and connection failures (default 3)
 * @param maxRetryWaitSeconds the total time one job may wait between its attempts (default 30);
 *     a longer {@code Retry-After} fails the job with that backoff instead
 * @param followRedirects follow 301/302/303/307/308 (default true; credentials are not sent to
 *     another origin)
 * @param errorMapping status rule to BPMN error code, e.g. {@code {"404": "NOT_FOUND", "4xx":
 *     "CLIENT_ERROR"}}; an exact status wins over its class
 * @param responseFile a workspace file the (successful) body is saved to, for big or binary bodies
 * @param maxInlineBytes bodies larger than this (default 262144) go to a workspace file
 * @param bodyPointer a JSON Pointer selecting the part of a JSON body returned as {@code body}
 * @param responseMapping variable name to JSON Pointer, e.g. {@code {"orderId": "/id"}}
 * @param idempotencyKey a business key for POST/PATCH instead of the job key, e.g. an invoice number
 * @param idempotencyKeyHeader the header carrying the idempotency key (default Idempotency-Key;
 *     empty to send none)
 */
public record HttpRequestInput(
    String method,
    String url,
    Map<String, String> headers,
    Map<String, Object> query,
    JsonNode body,
    Map<String, String> form,
    String bodyFile,
    String authType,
    String username,
    Secret password,
    Secret token,
    String tokenUrl,
    String clientId,
    Secret clientSecret,
    String scope,
    String tokenAuthMethod,
    Integer timeoutSeconds,
    Integer maxAttempts,
    Integer maxRetryWaitSeconds,
    Boolean followRedirects,
    Map<String, String> errorMapping,
    String responseFile,
    Integer maxInlineBytes,
    String bodyPointer,
    Map<String, String> responseMapping,
    String idempotencyKey,
    String idempotencyKeyHeader) {

  public static final int DEFAULT_TIMEOUT_SECONDS = 30;
  public static final int DEFAULT_MAX_ATTEMPTS = 3;
  public static final int DEFAULT_MAX_RETRY_WAIT_SECONDS = 30;
  public static final int DEFAULT_MAX_INLINE_BYTES = 256 * 1024;
  public static final String DEFAULT_IDEMPOTENCY_HEADER = "Idempotency-Key";

  public HttpRequestInput {
    method = method == null || method.isBlank() ? "GET" : method.trim().toUpperCase(Locale.ROOT);
    headers = headers == null ? Map.of() : headers;
    query = query == null ? Map.of() : query;
    form = form == null ? Map.of() : form;
    authType = authType == null || authType.isBlank() ? "none" : authType.trim().toLowerCase(Locale.ROOT);
    tokenAuthMethod = tokenAuthMethod == null || tokenAuthMethod.isBlank() ? "basic" : tokenAuthMethod.trim().toLowerCase(Locale.ROOT);
    timeoutSeconds = timeoutSeconds == null ? DEFAULT_TIMEOUT_SECONDS : timeoutSeconds;
    maxAttempts = maxAttempts == null ? DEFAULT_MAX_ATTEMPTS : maxAttempts;
    maxRetryWaitSeconds = maxRetryWaitSeconds == null ? DEFAULT_MAX_RETRY_WAIT_SECONDS : maxRetryWaitSeconds;
    followRedirects = followRedirects == null || followRedirects;
    errorMapping = errorMapping == null ? Map.of() : errorMapping;
    maxInlineBytes = maxInlineBytes == null ? DEFAULT_MAX_INLINE_BYTES : maxInlineBytes;
    responseMapping = responseMapping == null ? Map.of() : responseMapping;
    idempotencyKeyHeader = idempotencyKeyHeader == null ? DEFAULT_IDEMPOTENCY_HEADER : idempotencyKeyHeader.trim();
  }

  /** POST and PATCH may act twice when repeated; they run at most once per idempotency key. */
  boolean isNonIdempotent() {
    return method.equals("POST") || method.equals("PATCH");
  }
}
