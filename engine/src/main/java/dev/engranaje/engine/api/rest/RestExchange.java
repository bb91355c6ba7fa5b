package dev.engranaje.engine.api.rest;

import dev.engranaje.engine.gateway.Rejection;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request from arrival to answer. It goes READING (the body arrives, counted against its limit
 * and the read timeout), PROCESSING (the handler's future is pending; the idle timeout does not
 * apply, the engine bounds the wait) and ANSWERED (the response is being written, or the client is
 * gone). Whoever moves it to ANSWERED first answers; a later answer is dropped and its
 * {@link RestResponse#onUndelivered} runs, so nothing activated for a vanished client is lost.
 */
final class RestExchange implements ClientConnection {

  private static final Logger LOG = LoggerFactory.getLogger(RestExchange.class);

  static final String BODY_TOO_LARGE =
      "Expected a request body of at most %d bytes (the %s limit), but %s; raise it with %s";
  static final String READ_TIMED_OUT =
      "Expected the whole request body within %d ms (the read timeout), but it was still arriving;"
          + " raise it with " + ServerLimits.READ_TIMEOUT_OPTION;
  static final String BODIES_OVER_BUDGET =
      "Expected the request bodies being read at once to fit in %d bytes (the request memory limit), but %d are"
          + " in use; retry shortly, or raise it with " + ServerLimits.MAX_BUFFERED_BODY_OPTION;
  static final String IDLE_TIMED_OUT =
      "Expected more of the request body within %d ms (the idle timeout), but none came; raise it with "
          + ServerLimits.IDLE_TIMEOUT_OPTION;

  private static final int READING = 0;
  private static final int PROCESSING = 1;
  private static final int ANSWERED = 2;
  private static final int INITIAL_BUFFER = 4096;

  /** The most of a refused body that is read (and thrown away) so that its client sees the refusal. */
  static final long MAX_DRAIN_BYTES = 64L * 1024 * 1024;

  /** How often a pending request checks that its client is still there. */
  static final long CLOSE_PROBE_MILLIS = 250;

  private final Router router;
  private final ServerLimits limits;
  private final RequestBodyBudget budget;
  /** What this exchange holds of the {@link #budget}; given back once, when it is answered or gone. */
  private final java.util.concurrent.atomic.AtomicLong reserved = new java.util.concurrent.atomic.AtomicLong();
  private final Request request;
  private final Response response;
  private final Callback callback;
  private final AtomicInteger state = new AtomicInteger(READING);
  private final List<Runnable> onGone = new CopyOnWriteArrayList<>();
  /** Orders the close probe's socket read before the claim of the answer (see {@link #probe}). */
  private final Object probeLock = new Object();
  private String method;
  private String path;
  private Router.Match match;
  private Router.Identity identity = Router.Identity.OPEN;
  private volatile boolean clientGone;
  private boolean multipart;
  private long limit;
  private byte[] body;
  private int received;
  private Scheduler.Task readTimer;
  private volatile Scheduler.Task probeTimer;
  private volatile SocketChannelEndPoint socket;
  private volatile boolean closeAfterAnswer;
  private final java.util.concurrent.atomic.AtomicBoolean drained = new java.util.concurrent.atomic.AtomicBoolean();
  private volatile Scheduler.Task drainTimer;
  private long discarded;

  RestExchange(Router router, ServerLimits limits, RequestBodyBudget budget, Request request, Response response,
      Callback callback) {
    this.router = router;
    this.limits = limits;
    this.budget = budget;
    this.request = request;
    this.response = response;
    this.callback = callback;
  }

  void start() {
    request.addFailureListener(this::gone);
    request.addIdleTimeoutListener(timeout -> state.get() != PROCESSING);
    method = request.getMethod().toUpperCase(Locale.ROOT);
    path = Request.getPathInContext(request);
    Router.Authentication authentication = router.authenticate(request);
    if (authentication.refusal() != null) {
      response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Basic realm=\"engranaje\", charset=\"UTF-8\"");
      answerAndClose(ProblemDetails.of(401, "UNAUTHORIZED",
          String.format(Router.UNAUTHORIZED, authentication.refusal()), path));
      return;
    }
    identity = authentication.identity();
    match = router.match(method, path);
    if (match.problem() != null) {
      if (match.allow() != null) {
        response.getHeaders().put(HttpHeader.ALLOW, match.allow());
      }
      answerAndClose(match.problem());
      return;
    }
    if (!identity.may(match.role())) {
      answerAndClose(ProblemDetails.of(403, "FORBIDDEN", "Expected the role '" + match.role().label() + "' (or admin) for "
          + method + " " + path + ", but user '" + identity.user() + "' has " + identity.roles().stream()
          .map(Role::label).sorted().toList(), path));
      return;
    }
    multipart = isMultipart(request.getHeaders().get(HttpHeader.CONTENT_TYPE));
    limit = multipart ? limits.maxDeploymentBodyBytes() : limits.maxRequestBodyBytes();
    long length = request.getLength();
    if (length > limit) {
      // refused before reading a byte of it
      if (claim(READING)) {
        // refused before reading a byte of it; a body of modest size is then read and discarded so
        // that the client, which is still sending it, gets to read the refusal
        write(tooLarge("the request declares " + length + " bytes (Content-Length)"), true,
            length <= MAX_DRAIN_BYTES);
      }
      return;
    }
    int initial = (int) Math.min(length >= 0 ? length : INITIAL_BUFFER, limit);
    if (!reserve(initial)) {
      if (claim(READING)) {
        write(overBudget(), true, length >= 0 && length <= MAX_DRAIN_BYTES);
      }
      return;
    }
    body = new byte[initial];
    readTimer = request.getComponents().getScheduler().schedule(this::readTimedOut,
        limits.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
    read();
  }

  @Override
  public void onGone(Runnable action) {
    onGone.add(action);
    if (clientGone) {
      runQuietly(action);
    }
  }

  /** Reads what has arrived; asks to be called again when more comes. Never blocks. */
  private void read() {
    while (state.get() == READING) {
      Content.Chunk chunk = request.read();
      if (chunk == null) {
        request.demand(this::read);
        return;
      }
      if (Content.Chunk.isFailure(chunk)) {
        if (Content.Chunk.isFailure(chunk, true)) {
          gone(chunk.getFailure());
        } else if (claim(READING)) {
          write(ProblemDetails.of(408, "REQUEST_TIMEOUT",
              String.format(IDLE_TIMED_OUT, limits.idleTimeout().toMillis()), path), true);
        }
        return;
      }
      ByteBuffer buffer = chunk.getByteBuffer();
      int size = buffer.remaining();
      if ((long) received + size > limit) {
        chunk.release();
        if (claim(READING)) {
          write(tooLarge("more was sent"), true, true);
        }
        return;
      }
      if (received + size > body.length) {
        int grown = (int) Math.min(limit, Math.max((long) body.length * 2, received + size));
        if (!reserve(grown - body.length)) {
          chunk.release();
          if (claim(READING)) {
            write(overBudget(), true, true);
          }
          return;
        }
        body = Arrays.copyOf(body, grown);
      }
      buffer.get(body, received, size);
      received += size;
      boolean last = chunk.isLast();
      chunk.release();
      if (last) {
        bodyRead();
        return;
      }
    }
  }

  private void bodyRead() {
    if (!state.compareAndSet(READING, PROCESSING)) {
      return;
    }
    readTimer.cancel();
    byte[] content = received == body.length ? body : Arrays.copyOf(body, received);
    body = null;
    RestRequest restRequest = new RestRequest(method, path, match.params(),
        request.getHeaders().get(HttpHeader.CONTENT_TYPE), content, this, queryParameters(), identity);
    CompletionStage<RestResponse> answer;
    try {
      answer = match.handler().handle(restRequest);
    } catch (RuntimeException e) {
      answer = CompletableFuture.failedFuture(e);
    }
    Executor executor = request.getComponents().getThreadPool();
    answer.whenCompleteAsync(this::respond, executor);
    if (!answer.toCompletableFuture().isDone()) {
      watchForClose();
    }
  }

  /**
   * While the answer is pending, checks every {@value #CLOSE_PROBE_MILLIS} ms whether the client
   * closed its connection (Jetty does not read a connection while its request is being handled),
   * so that a parked long poll is released within that time rather than when its timeout ends. The
   * check is a non-blocking read of the socket: end of stream means the client is gone. A client
   * that sends its next request before this answer (pipelining, which the Camunda client does not
   * do) has its connection closed after this answer.
   */
  private void watchForClose() {
    if (request.getConnectionMetaData().getConnection().getEndPoint() instanceof SocketChannelEndPoint socket) {
      this.socket = socket;
      probeTimer = request.getComponents().getScheduler().schedule(this::probe, CLOSE_PROBE_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  private void probe() {
    boolean closed;
    synchronized (probeLock) {
      // under the lock no answer is claimed, so the client cannot have sent its next request yet
      if (state.get() != PROCESSING) {
        return;
      }
      closed = clientClosed();
    }
    if (closed) {
      gone(new EofException("The client closed the connection while waiting for the answer"));
      return;
    }
    if (!closeAfterAnswer) {
      probeTimer = request.getComponents().getScheduler().schedule(this::probe, CLOSE_PROBE_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  /** Whether the client's side of the connection is closed; never blocks. */
  private boolean clientClosed() {
    if (socket == null || closeAfterAnswer) {
      return false;
    }
    ByteBuffer probe = ByteBuffer.allocate(1);
    try {
      int read = socket.getChannel().read(probe);
      if (read > 0) {
        closeAfterAnswer = true;
      }
      return read < 0;
    } catch (IOException | RuntimeException e) {
      return true;
    }
  }

  private void respond(RestResponse result, Throwable failure) {
    if (failure != null && clientGone && unwrap(failure) instanceof java.util.concurrent.CancellationException) {
      return; // the client went away and its poll was released: nobody to answer
    }
    RestResponse answer = failure == null ? result : toProblem(unwrap(failure));
    boolean closed = false;
    boolean claimed;
    synchronized (probeLock) {
      if (answer.onUndelivered() != null && state.get() == PROCESSING) {
        // checked once more before handing out what cannot be taken back
        closed = clientClosed();
      }
      claimed = !closed && claim(PROCESSING);
    }
    if (closed) {
      gone(new EofException("The client closed the connection before the answer was ready"));
    }
    if (!claimed) {
      // the client went away first
      answer.undelivered();
      return;
    }
    write(answer, closeAfterAnswer);
  }

  private void readTimedOut() {
    if (claim(READING)) {
      LOG.debug("Cut off {} {} after the read timeout with {} bytes received", method, path, received);
      write(ProblemDetails.of(408, "REQUEST_TIMEOUT",
          String.format(READ_TIMED_OUT, limits.readTimeout().toMillis()), path), true);
    }
  }

  private void answerAndClose(RestResponse answer) {
    if (claim(READING)) {
      write(answer, true);
    }
  }

  private boolean claim(int from) {
    boolean claimed = state.compareAndSet(from, ANSWERED);
    if (claimed) {
      releaseBody();
    }
    return claimed;
  }

  private boolean reserve(long bytes) {
    if (!budget.reserve(bytes)) {
      return false;
    }
    reserved.addAndGet(bytes);
    return true;
  }

  /** The body is no longer needed once the answer is claimed or the client is gone. */
  private void releaseBody() {
    budget.release(reserved.getAndSet(0));
  }

  private RestResponse overBudget() {
    response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
    return ProblemDetails.of(503, "SERVICE_UNAVAILABLE",
        String.format(BODIES_OVER_BUDGET, budget.capacity(), budget.inUse()), path);
  }

  /** The client closed the connection or it failed: release what the handler holds for it. */
  private void gone(Throwable cause) {
    int previous = state.getAndSet(ANSWERED);
    releaseBody();
    if (previous == ANSWERED) {
      // an answer is being written; its callback reports the failure
      return;
    }
    if (readTimer != null) {
      readTimer.cancel();
    }
    if (probeTimer != null) {
      probeTimer.cancel();
    }
    LOG.debug("The client of {} {} went away: {}", method, path, cause.toString());
    clientGone = true;
    onGone.forEach(RestExchange::runQuietly);
    callback.failed(cause);
  }

  private void write(RestResponse answer, boolean close) {
    write(answer, close, false);
  }

  /**
   * Writes the answer; with {@code drain}, the rest of the request body is then read and thrown
   * away (at most {@value #MAX_DRAIN_BYTES} bytes, within the read timeout) before the exchange
   * ends, so a client still sending a refused body reads the refusal instead of a broken pipe.
   */
  /** The query string's parameters, decoded, the first value of each. */
  private Map<String, String> queryParameters() {
    String query = request.getHttpURI().getQuery();
    if (query == null || query.isEmpty()) {
      return Map.of();
    }
    Map<String, String> parameters = new java.util.LinkedHashMap<>();
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String name = java.net.URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals),
          java.nio.charset.StandardCharsets.UTF_8);
      String value = equals < 0 ? "" : java.net.URLDecoder.decode(pair.substring(equals + 1),
          java.nio.charset.StandardCharsets.UTF_8);
      parameters.putIfAbsent(name, value);
    }
    return parameters;
  }

  private void write(RestResponse answer, boolean close, boolean drain) {
    if (readTimer != null) {
      readTimer.cancel();
    }
    if (probeTimer != null) {
      probeTimer.cancel();
    }
    byte[] bytes;
    RestResponse written = answer;
    try {
      bytes = answer.body() == null ? null
          : answer.body() instanceof byte[] raw ? raw : Json.write(answer.body());
    } catch (RuntimeException e) {
      LOG.error("Failed to serialize the response to {} {}", method, path, e);
      answer.undelivered();
      written = ProblemDetails.internalError(path);
      bytes = Json.write(written.body());
    }
    response.setStatus(written.status());
    if (close) {
      response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
    }
    RestResponse delivered = written;
    Runnable onWritten = drain ? this::startDraining : callback::succeeded;
    Callback done = Callback.from(onWritten, failure -> {
      LOG.debug("Could not write the response to {} {}: {}", method, path, failure.toString());
      delivered.undelivered();
      clientGone = true;
      onGone.forEach(RestExchange::runQuietly);
      callback.failed(failure);
    });
    if (bytes == null) {
      response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
      response.write(true, null, done);
      return;
    }
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, written.contentType());
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, (long) bytes.length);
    response.write(true, ByteBuffer.wrap(bytes), done);
  }

  private void startDraining() {
    drainTimer = request.getComponents().getScheduler().schedule(() -> finishDraining(null),
        limits.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
    drain();
  }

  private void drain() {
    while (!drained.get()) {
      Content.Chunk chunk = request.read();
      if (chunk == null) {
        request.demand(this::drain);
        return;
      }
      if (Content.Chunk.isFailure(chunk)) {
        finishDraining(chunk.getFailure());
        return;
      }
      discarded += chunk.remaining();
      boolean last = chunk.isLast();
      chunk.release();
      if (last || discarded > MAX_DRAIN_BYTES) {
        finishDraining(null);
        return;
      }
    }
  }

  private void finishDraining(Throwable failure) {
    if (!drained.compareAndSet(false, true)) {
      return;
    }
    if (drainTimer != null) {
      drainTimer.cancel();
    }
    // the connection closes either way (Connection: close was sent)
    callback.succeeded();
  }

  private RestResponse tooLarge(String what) {
    return ProblemDetails.of(413, "PAYLOAD_TOO_LARGE", String.format(BODY_TOO_LARGE, limit,
        multipart ? "deployment body" : "request body", what,
        multipart ? ServerLimits.MAX_DEPLOYMENT_BODY_OPTION : ServerLimits.MAX_REQUEST_BODY_OPTION), path);
  }

  private RestResponse toProblem(Throwable failure) {
    if (failure instanceof Rejection rejection) {
      return ProblemDetails.rejection(rejection, path);
    }
    LOG.error("Unexpected failure while handling {} {}", method, path, failure);
    return ProblemDetails.internalError(path);
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static boolean isMultipart(String contentType) {
    return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
  }

  private static void runQuietly(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      LOG.warn("Releasing a request's resources failed", e);
    }
  }
}
