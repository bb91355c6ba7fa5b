package dev.engranaje.engine.api.rest;

import java.time.Duration;
import java.util.Objects;

/**
 * What the REST server accepts from one client, and for how long it waits for it. Every refusal
 * names the limit and the {@code rpa engine start} option that raises it.
 *
 * @param maxRequestBodyBytes largest JSON request body. Default 8 MiB: twice Zeebe's default
 *     maximum message size (4 MB), which the engine applies itself to each command's variables
 *     (see {@code EngineLimits}). The transport cap sits above that limit so that a document just
 *     over 4 MB gets the engine's precise answer naming the variables limit, while a body far
 *     beyond it is refused before it is read. Option {@value #MAX_REQUEST_BODY_OPTION}.
 * @param maxDeploymentBodyBytes largest multipart deployment body ({@code POST /v2/deployments}).
 *     Default 16 MiB: several resources, forms and the multipart framing fit on the wire, while the
 *     engine's own limits on the resources (their total and each model) apply after parsing. Option {@value #MAX_DEPLOYMENT_BODY_OPTION}.
 * @param maxHeaderBytes largest request line plus headers. Default 8 KiB (Jetty's, and what common
 *     proxies accept); a bigger request is answered 431. Option {@value #MAX_HEADER_SIZE_OPTION}.
 * @param idleTimeout how long a connection may send nothing (between requests, or in the middle of
 *     one) before it is closed. Default 30 s. Not applied while a request waits for the engine's
 *     answer (a long poll), which the engine bounds by the request's own timeout. Option {@value
 *     #IDLE_TIMEOUT_OPTION}.
 * @param readTimeout how long a client may take to send a whole request body, however steadily it
 *     trickles in; a slower one is answered 408 and its connection closed. Default 30 s. Option
 *     {@value #READ_TIMEOUT_OPTION}.
 * @param maxConnections open connections at most; further clients wait in the operating system's
 *     accept queue until one closes. Default 512. Option {@value #MAX_CONNECTIONS_OPTION}.
 * @param maxBufferedBodyBytes memory all request bodies being read or handled may hold together; a
 *     body that does not fit is answered 503 with {@code Retry-After} before it is buffered. Default
 *     256 MiB (without it, 512 connections of 16 MiB bodies could hold 8 GiB). At least the largest
 *     single body. Option {@value #MAX_BUFFERED_BODY_OPTION}.
 */
public record ServerLimits(
    long maxRequestBodyBytes,
    long maxDeploymentBodyBytes,
    int maxHeaderBytes,
    Duration idleTimeout,
    Duration readTimeout,
    int maxConnections,
    long maxBufferedBodyBytes) {

  public static final String MAX_REQUEST_BODY_OPTION = "--max-request-size";
  public static final String MAX_DEPLOYMENT_BODY_OPTION = "--max-deployment-request-size";
  public static final String MAX_HEADER_SIZE_OPTION = "--max-header-size";
  public static final String IDLE_TIMEOUT_OPTION = "--idle-timeout";
  public static final String READ_TIMEOUT_OPTION = "--read-timeout";
  public static final String MAX_CONNECTIONS_OPTION = "--max-connections";
  public static final String MAX_BUFFERED_BODY_OPTION = "--max-request-memory";

  public static final long DEFAULT_MAX_REQUEST_BODY_BYTES = 8L * 1024 * 1024;
  public static final long DEFAULT_MAX_DEPLOYMENT_BODY_BYTES = 16L * 1024 * 1024;
  public static final int DEFAULT_MAX_HEADER_BYTES = 8 * 1024;
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
  public static final int DEFAULT_MAX_CONNECTIONS = 512;
  public static final long DEFAULT_MAX_BUFFERED_BODY_BYTES = 256L * 1024 * 1024;

  /** The documented defaults. */
  public static final ServerLimits DEFAULTS =
      new ServerLimits(
          DEFAULT_MAX_REQUEST_BODY_BYTES,
          DEFAULT_MAX_DEPLOYMENT_BODY_BYTES,
          DEFAULT_MAX_HEADER_BYTES,
          DEFAULT_IDLE_TIMEOUT,
          DEFAULT_READ_TIMEOUT,
          DEFAULT_MAX_CONNECTIONS,
          DEFAULT_MAX_BUFFERED_BODY_BYTES);

  public ServerLimits {
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    positive(maxRequestBodyBytes, MAX_REQUEST_BODY_OPTION);
    positive(maxDeploymentBodyBytes, MAX_DEPLOYMENT_BODY_OPTION);
    positive(maxHeaderBytes, MAX_HEADER_SIZE_OPTION);
    positive(idleTimeout.toMillis(), IDLE_TIMEOUT_OPTION);
    positive(readTimeout.toMillis(), READ_TIMEOUT_OPTION);
    positive(maxConnections, MAX_CONNECTIONS_OPTION);
    positive(maxBufferedBodyBytes, MAX_BUFFERED_BODY_OPTION);
    long largestBody = Math.max(maxRequestBodyBytes, maxDeploymentBodyBytes);
    if (maxBufferedBodyBytes < largestBody) {
      throw new IllegalArgumentException("Expected " + MAX_BUFFERED_BODY_OPTION + " to be at least the largest single"
          + " request body (" + largestBody + " bytes), but got " + maxBufferedBodyBytes);
    }
  }

  public ServerLimits withMaxRequestBodyBytes(long bytes) {
    return new ServerLimits(bytes, maxDeploymentBodyBytes, maxHeaderBytes, idleTimeout, readTimeout,
        maxConnections, maxBufferedBodyBytes);
  }

  public ServerLimits withMaxDeploymentBodyBytes(long bytes) {
    return new ServerLimits(maxRequestBodyBytes, bytes, maxHeaderBytes, idleTimeout, readTimeout,
        maxConnections, maxBufferedBodyBytes);
  }

  public ServerLimits withMaxHeaderBytes(int bytes) {
    return new ServerLimits(maxRequestBodyBytes, maxDeploymentBodyBytes, bytes, idleTimeout, readTimeout,
        maxConnections, maxBufferedBodyBytes);
  }

  public ServerLimits withIdleTimeout(Duration timeout) {
    return new ServerLimits(maxRequestBodyBytes, maxDeploymentBodyBytes, maxHeaderBytes, timeout, readTimeout,
        maxConnections, maxBufferedBodyBytes);
  }

  public ServerLimits withReadTimeout(Duration timeout) {
    return new ServerLimits(maxRequestBodyBytes, maxDeploymentBodyBytes, maxHeaderBytes, idleTimeout, timeout,
        maxConnections, maxBufferedBodyBytes);
  }

  public ServerLimits withMaxConnections(int connections) {
    return new ServerLimits(maxRequestBodyBytes, maxDeploymentBodyBytes, maxHeaderBytes, idleTimeout, readTimeout,
        connections, maxBufferedBodyBytes);
  }

  public ServerLimits withMaxBufferedBodyBytes(long bytes) {
    return new ServerLimits(maxRequestBodyBytes, maxDeploymentBodyBytes, maxHeaderBytes, idleTimeout, readTimeout,
        maxConnections, bytes);
  }

  private static void positive(long value, String option) {
    if (value <= 0) {
      throw new IllegalArgumentException("Expected " + option + " to be greater than zero, but got " + value);
    }
  }
}
