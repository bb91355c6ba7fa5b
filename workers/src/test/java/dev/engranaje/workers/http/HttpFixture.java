package dev.engranaje.workers.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.Secret;
import dev.engranaje.workers.api.TechnicalFailure;
import dev.engranaje.workers.ledger.SqliteIdempotencyLedger;
import dev.engranaje.workers.secrets.SecretResolver;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A WireMock server on 127.0.0.1, a worker whose waits are recorded instead of spent, and what a
 * job needs around it (workspace, secrets, ledger, movable clock). Close it after each test.
 */
final class HttpFixture implements AutoCloseable {
  static final String PASSWORD = "pa55-w0rd-of-the-portal";
  static final String API_TOKEN = "tok-4f1e-2b9d-secret";
  static final String CLIENT_SECRET = "client-secret-9c2e-77aa";
  static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

  final WireMockServer server;
  final List<Duration> waits = new CopyOnWriteArrayList<>();
  final SendHttpRequestWorker worker;
  final SecretResolver secrets = JobContexts.secrets(
      Map.of("PORTAL_PASSWORD", PASSWORD, "API_TOKEN", API_TOKEN, "CLIENT_SECRET", CLIENT_SECRET));
  final SqliteIdempotencyLedger ledger;
  final JobContexts.MovableClock clock = new JobContexts.MovableClock(START);
  final Path workspace;
  private final ObjectMapper mapper;

  HttpFixture(Path directory) {
    this(directory, WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
  }

  HttpFixture(Path directory, WireMockConfiguration configuration) {
    server = new WireMockServer(configuration);
    server.start();
    worker = new SendHttpRequestWorker(SendHttpRequestWorker.defaultClient(), waits::add);
    workspace = directory.resolve("ws");
    ledger = SqliteIdempotencyLedger.open(directory.resolve("ledger.db"), clock);
    SimpleModule references = new SimpleModule().addDeserializer(Secret.class, new JsonDeserializer<>() {
      @Override
      public Secret deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        try {
          return secrets.resolve(parser.getValueAsString());
        } catch (TechnicalFailure failure) {
          throw JsonMappingException.from(parser, failure.getMessage());
        }
      }
    });
    mapper = JobContexts.json().registerModule(references).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  String url(String path) {
    return server.baseUrl() + path;
  }

  /** The input record as the runtime maps it from variables. */
  HttpRequestInput input(Map<String, Object> variables) {
    return mapper.convertValue(variables, HttpRequestInput.class);
  }

  JobContext job(long jobKey) {
    return JobContexts.context(jobKey, workspace, secrets, ledger, clock);
  }

  HttpResult call(long jobKey, Map<String, Object> variables) throws Exception {
    return worker.handle(input(variables), job(jobKey));
  }

  @Override
  public void close() {
    server.stop();
    ledger.close();
  }
}
