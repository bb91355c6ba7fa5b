/**
 * The HTTP bot: {@link dev.engranaje.workers.http.SendHttpRequestWorker} ({@code rpa:http.request:1})
 * calls REST APIs with secrets-backed authentication (basic, bearer, OAuth2 client credentials),
 * bounded retries that honour {@code Retry-After}, status-to-BPMN-error rules and at-most-once POSTs.
 */
package dev.engranaje.workers.http;
