package dev.engranaje.cli;

import dev.engranaje.engine.Engine;
import dev.engranaje.engine.alert.IncidentWebhook;
import dev.engranaje.engine.alert.WebhookSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/** Turns {@code rpa engine start --incident-webhook URL} into a running {@link IncidentWebhook}. */
final class IncidentWebhookOptions {
  static final String TOKEN_VARIABLE = "RPA_INCIDENT_WEBHOOK_TOKEN";

  private IncidentWebhookOptions() {}

  /** Null when no webhook is configured; otherwise attached to the engine and caught up on open incidents. */
  static IncidentWebhook start(URI url, Engine engine, Path dataDirectory, Map<String, String> environment) {
    if (url == null) {
      return null;
    }
    WebhookSettings settings = new WebhookSettings(url, environment.get(TOKEN_VARIABLE), WebhookSettings.FIRST_BACKOFF,
        WebhookSettings.MAX_BACKOFF, engine.restAddress());
    IncidentWebhook webhook = IncidentWebhook.start(settings, dataDirectory);
    // attach before catching up: an incident raised in between is seen by both and queued once
    engine.addExporter(webhook);
    webhook.catchUp(engine.gateway());
    System.out.println("Incident alerts go to " + settings.receiver()
        + (settings.bearerToken() == null ? "" : " (with the bearer token from " + TOKEN_VARIABLE + ")"));
    return webhook;
  }
}
