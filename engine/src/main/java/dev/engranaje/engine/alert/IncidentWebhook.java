package dev.engranaje.engine.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engranaje.engine.gateway.EngineGateway;
import dev.engranaje.engine.gateway.IncidentFilter;
import dev.engranaje.engine.gateway.IncidentView;
import dev.engranaje.engine.record.IncidentIntent;
import dev.engranaje.engine.record.IncidentRecord;
import dev.engranaje.engine.record.Record;
import dev.engranaje.engine.record.RecordType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a webhook of every new incident: an exporter that picks the committed {@code INCIDENT CREATED}
 * events and a sender thread that POSTs each as JSON ({@link IncidentAlert}), one at a time, in order,
 * retrying the same alert with doubling backoff while the receiver fails or cannot be reached (any
 * answer but 2xx). Delivered incident keys are remembered in the data directory; on start, {@link
 * #catchUp} sends what is owed for the incidents still open, so a restart neither drops nor repeats an
 * alert a receiver has taken. Each request carries {@code Idempotency-Key: incident-<key>}. The
 * payload holds what the incident record holds (the workers mask secrets before they reach an incident
 * message) and nothing of the webhook's own credentials.
 */
public final class IncidentWebhook implements Consumer<List<Record>>, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IncidentWebhook.class);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  static final String DELIVERED_FILE = "alerts/delivered-incidents.log";

  private final WebhookSettings settings;
  private final DeliveredAlerts delivered;
  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private final LinkedBlockingQueue<IncidentAlert> queue = new LinkedBlockingQueue<>();
  private final Set<Long> queued = new HashSet<>();
  private final Thread sender;
  private volatile boolean closed;

  private IncidentWebhook(WebhookSettings settings, DeliveredAlerts delivered) {
    this.settings = settings;
    this.delivered = delivered;
    this.sender = new Thread(this::sendLoop, "incident-webhook");
    this.sender.setDaemon(true);
    this.sender.start();
  }

  /** A webhook that remembers delivered alerts in {@code dataDirectory}, or only in memory when it is null. */
  public static IncidentWebhook start(WebhookSettings settings, Path dataDirectory) {
    return new IncidentWebhook(settings,
        dataDirectory == null ? DeliveredAlerts.inMemory() : DeliveredAlerts.in(dataDirectory.resolve(DELIVERED_FILE)));
  }

  /** Queues an alert for each open incident whose alert no receiver has taken yet (after a restart). */
  public void catchUp(EngineGateway gateway) {
    List<IncidentView> open = gateway.searchIncidents(new IncidentFilter(null, null, "ACTIVE", null, null)).join();
    for (IncidentView incident : open) {
      offer(alert(incident.key(), incident.creationTime(), new IncidentRecord(incident.errorType(), incident.errorMessage(),
          incident.bpmnProcessId(), incident.processDefinitionKey(), incident.processInstanceKey(), incident.elementId(),
          incident.elementInstanceKey(), incident.jobKey(), -1, incident.tenantId())));
    }
  }

  @Override
  public void accept(List<Record> batch) {
    for (Record record : batch) {
      if (record.recordType() == RecordType.EVENT && record.intent() == IncidentIntent.CREATED
          && record.value() instanceof IncidentRecord incident) {
        offer(alert(record.key(), record.timestamp(), incident));
      }
    }
  }

  private IncidentAlert alert(long incidentKey, long createdAt, IncidentRecord incident) {
    URI rest = settings.restAddress();
    return new IncidentAlert(IncidentAlert.EVENT, Long.toString(incidentKey), Long.toString(incident.processInstanceKey()),
        incident.bpmnProcessId(), Long.toString(incident.processDefinitionKey()), incident.elementId(),
        Long.toString(incident.elementInstanceKey()), Long.toString(incident.jobKey()), incident.errorType(),
        incident.errorMessage(), Instant.ofEpochMilli(createdAt).toString(),
        link(rest, "/v2/incidents/" + incidentKey), link(rest, "/v2/process-instances/" + incident.processInstanceKey()));
  }

  private void offer(IncidentAlert alert) {
    long key = Long.parseLong(alert.incidentKey());
    synchronized (queued) {
      if (delivered.contains(key) || !queued.add(key)) {
        return;
      }
    }
    queue.add(alert);
  }

  private void sendLoop() {
    try {
      while (!closed) {
        IncidentAlert alert = queue.poll(200, TimeUnit.MILLISECONDS);
        if (alert != null) {
          try {
            deliver(alert);
          } catch (RuntimeException e) {
            // e.g. the delivered-alerts file cannot be written: keep alerting, a repeat is harmless
            LOG.error("Incident alert for incident {}: {}", alert.incidentKey(), e.getMessage(), e);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void deliver(IncidentAlert alert) throws InterruptedException {
    HttpRequest request = request(alert);
    Duration backoff = settings.firstBackoff();
    for (int attempt = 1; !closed; attempt++) {
      String failure = attempt(request);
      if (failure == null) {
        long key = Long.parseLong(alert.incidentKey());
        delivered.add(key);
        synchronized (queued) {
          queued.remove(key);
        }
        return;
      }
      LOG.warn("Incident alert for incident {} not taken by {} (attempt {}: {}); retrying in {} ms", alert.incidentKey(),
          settings.receiver(), attempt, failure, backoff.toMillis());
      Thread.sleep(backoff.toMillis());
      backoff = backoff.multipliedBy(2).compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : backoff.multipliedBy(2);
    }
  }

  /** One attempt; null when the receiver took the alert, otherwise what went wrong. */
  private String attempt(HttpRequest request) throws InterruptedException {
    try {
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      return response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode();
    } catch (IOException e) {
      return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
  }

  private HttpRequest request(IncidentAlert alert) {
    String body;
    try {
      body = json.writeValueAsString(alert);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Expected an incident alert to be writable as JSON", e);
    }
    HttpRequest.Builder builder = HttpRequest.newBuilder(settings.url()).timeout(REQUEST_TIMEOUT)
        .header("Content-Type", "application/json")
        .header("User-Agent", "engranaje-incident-webhook")
        .header("Idempotency-Key", "incident-" + alert.incidentKey())
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (settings.bearerToken() != null && !settings.bearerToken().isBlank()) {
      builder.header("Authorization", "Bearer " + settings.bearerToken());
    }
    return builder.build();
  }

  private static String link(URI base, String path) {
    if (base == null) {
      return null;
    }
    String text = base.toString();
    return (text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + path;
  }

  /** Stops sending; alerts not yet taken stay owed and go out after the next start's {@link #catchUp}. */
  @Override
  public void close() {
    closed = true;
    sender.interrupt();
    try {
      sender.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
