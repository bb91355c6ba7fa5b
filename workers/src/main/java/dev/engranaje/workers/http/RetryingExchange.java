package dev.engranaje.workers.http;

import dev.engranaje.workers.api.TechnicalFailure;
import dev.engranaje.workers.ledger.SideEffectInDoubt;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Runs an {@link HttpCall} with bounded retries inside one job. 5xx, 408 and 429 responses and
 * connection failures are tried again after the server's {@code Retry-After} (seconds or HTTP-date)
 * or an exponential backoff from {@value #FIRST_BACKOFF_SECONDS} s, while the attempts last and the
 * total wait stays within the call's budget. Past the budget the job fails retryably, with the
 * server's {@code Retry-After} as the job's backoff when it gave one, so long waits are spent by the
 * engine, not by a worker thread.
 *
 * <p>A POST or PATCH whose connection broke after it was sent (a read timeout, a reset) may have
 * acted: that is a {@link SideEffectInDoubt}, never tried again blindly. A TLS certificate the JVM
 * does not trust is a permanent failure.
 *
 * <p>Not thread-safe; one per job.
 */
final class RetryingExchange {
  static final long FIRST_BACKOFF_SECONDS = 1;
  static final String UNAVAILABLE =
      "Expected a 2xx response from %s, but got HTTP %d after %d attempt(s): %s; the job is retried%s";
  static final String UNREACHABLE = "Expected a response from %s, but %s after %d attempt(s); the job is retried";
  static final String IN_DOUBT =
      "Expected a response from %s, but %s after the request was sent, so the server may have acted on it";
  static final String UNTRUSTED =
      "Expected a trusted TLS certificate from %s, but %s; add the server's CA certificate to the JVM trust store"
          + " (certificate checks are never turned off)";

  private final SingleExchange exchange;
  private final HttpCall call;
  private final ErrorMapping mapping;
  private final Pause pause;
  private final Clock clock;

  RetryingExchange(SingleExchange exchange, HttpCall call, ErrorMapping mapping, Pause pause, Clock clock) {
    this.exchange = exchange;
    this.call = call;
    this.mapping = mapping;
    this.pause = pause;
    this.clock = clock;
  }

  RecordedResponse run(ResponseBodies bodies, String responseFile, int maxInlineBytes) throws Exception {
    Duration waited = Duration.ZERO;
    for (int attempt = 1; ; attempt++) {
      HttpResponse<InputStream> response;
      try {
        response = exchange.send();
      } catch (SSLException untrusted) {
        throw TechnicalFailure.permanent(String.format(UNTRUSTED, call.describe(), untrusted.getMessage()), untrusted);
      } catch (IOException broken) {
        boolean notSent = broken instanceof ConnectException || broken instanceof HttpConnectTimeoutException;
        if (call.nonIdempotent() && !notSent) {
          throw new SideEffectInDoubt(String.format(IN_DOUBT, call.describe(), describe(broken)), broken);
        }
        Duration wait = backoff(attempt);
        if (mayWait(attempt, wait, waited)) {
          pause.pause(wait);
          waited = waited.plus(wait);
          continue;
        }
        throw TechnicalFailure.retryable(String.format(UNREACHABLE, call.describe(), describe(broken), attempt), broken);
      }
      int status = response.statusCode();
      if (!isTransient(status)) {
        return status / 100 == 2 ? bodies.keep(response, responseFile, maxInlineBytes) : bodies.keepError(response);
      }
      Optional<Duration> retryAfter = RetryAfter.parse(response.headers().firstValue("retry-after").orElse(null), clock.instant());
      Duration wait = retryAfter.orElse(backoff(attempt));
      if (mayWait(attempt, wait, waited)) {
        ResponseBodies.discard(response);
        pause.pause(wait);
        waited = waited.plus(wait);
        continue;
      }
      if (mapping.codeFor(status).isPresent()) {
        return bodies.keepError(response);
      }
      String body = ResponseBodies.forMessage(bodies.snippet(response));
      String next = retryAfter.map(d -> " after the server's Retry-After of " + d.toSeconds() + " s").orElse("");
      String message = String.format(UNAVAILABLE, call.describe(), status, attempt, body, next);
      throw retryAfter.isPresent() ? TechnicalFailure.retryableAfter(message, retryAfter.get(), null)
          : TechnicalFailure.retryable(message, null);
    }
  }

  static boolean isTransient(int status) {
    return status >= 500 || status == 408 || status == 429;
  }

  private boolean mayWait(int attempt, Duration wait, Duration waited) {
    return attempt < call.maxAttempts() && waited.plus(wait).compareTo(call.maxRetryWait()) <= 0;
  }

  private static Duration backoff(int attempt) {
    return Duration.ofSeconds(FIRST_BACKOFF_SECONDS << Math.min(20, attempt - 1));
  }

  private static String describe(IOException broken) {
    String message = broken.getMessage();
    return broken.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
  }
}
