package dev.engranaje.workers.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.JobType;
import dev.engranaje.workers.api.JobWorker;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * {@code rpa:http.request:1}: one REST call. Builds the request from {@link HttpRequestInput}
 * (secrets interpolated), authenticates (basic, bearer, OAuth2 client credentials with a shared
 * token cache), retries transient answers within a bounded wait, keeps the body inline or in a
 * workspace file, and maps the answer to variables, a BPMN error or a failure.
 *
 * <p>POST and PATCH run at most once per idempotency key ({@link JobContext#once}): the request
 * carries an {@code Idempotency-Key} header derived from the key, and a redelivered job gets the
 * recorded response instead of posting again.
 *
 * <p>Thread-safe: the HTTP client and the token cache are shared by all jobs. TLS certificates and
 * host names are always verified (the JDK defaults); redirects are followed by this worker, not by
 * the client, so credentials never follow a redirect to another origin.
 */
@JobType("rpa:http.request:1")
public final class SendHttpRequestWorker implements JobWorker<HttpRequestInput, HttpResult> {
  /** Connect timeout of the default client. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient client;
  private final Pause pause;
  private final ObjectMapper json = new ObjectMapper();
  private final OAuth2TokenCache tokens;

  /** With the {@linkplain #defaultClient() default client}, waiting on the JDK's delayed executor. */
  public SendHttpRequestWorker() {
    this(defaultClient(), Pause.DELAYED_EXECUTOR);
  }

  /**
   * HTTP/1.1 (the JDK's HTTP/2 default tries a cleartext upgrade on http:// that some servers leave
   * hanging until the timeout), {@link #CONNECT_TIMEOUT}, redirects left to this worker, the JVM's
   * trust store and host name checks.
   */
  public static HttpClient defaultClient() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /**
   * @param client the client to send with; it should not follow redirects itself
   * @param pause how to wait between attempts
   */
  public SendHttpRequestWorker(HttpClient client, Pause pause) {
    this.client = client;
    this.pause = pause;
    this.tokens = new OAuth2TokenCache(client, json);
  }

  @Override
  public Class<HttpRequestInput> inputType() {
    return HttpRequestInput.class;
  }

  @Override
  public HttpResult handle(HttpRequestInput input, JobContext context) throws Exception {
    String ledgerKey = input.idempotencyKey() == null || input.idempotencyKey().isBlank()
        ? context.idempotencyKey()
        : context.job().jobType() + ":" + input.idempotencyKey().trim();
    HttpCall call = new HttpCallFactory(json).create(input, context, ledgerKey);
    ErrorMapping mapping = ErrorMapping.of(input.errorMapping());
    Credentials credentials = Credentials.of(input, context, tokens);
    SingleExchange single = new SingleExchange(client, call, credentials, context.secrets());
    RetryingExchange exchange = new RetryingExchange(single, call, mapping, pause, context.clock());
    ResponseBodies bodies = new ResponseBodies(context.workspace(), context.secrets().redactor(), context.job().jobKey());
    RecordedResponse response = call.nonIdempotent()
        ? context.once(ledgerKey, RecordedResponse.class, () -> exchange.run(bodies, input.responseFile(), input.maxInlineBytes()))
        : exchange.run(bodies, input.responseFile(), input.maxInlineBytes());
    return new ResponseMapper(json, context.workspace()).map(response, input, call, mapping);
  }
}
