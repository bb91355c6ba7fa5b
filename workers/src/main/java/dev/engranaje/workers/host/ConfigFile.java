package dev.engranaje.workers.host;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The shape of {@code worker.yaml} as written: every key optional here, validated and defaulted by
 * {@link WorkerConfigLoader}. Unknown keys are refused when binding.
 */
record ConfigFile(
    Engine engine,
    Workspace workspace,
    Secrets secrets,
    Ledger ledger,
    Server server,
    Shutdown shutdown,
    Job defaults,
    Map<String, Job> jobs,
    Map<String, JsonNode> settings) {

  record Engine(String address, String grpcAddress, String clientId, String authorizationServerUrl, String audience) {}

  record Workspace(String root, Map<String, String> areas) {}

  record Secrets(String file, Boolean environment, Map<String, List<String>> hosts) {}

  record Ledger(String file) {}

  record Server(String host, Integer port) {}

  record Shutdown(Duration grace) {}

  record Job(Boolean enabled, Integer maxJobsActive, Duration timeout, List<String> fetchVariables, Integer retries,
      Backoff backoff) {}

  record Backoff(Duration initial, Double multiplier, Duration max) {}
}
