package dev.engranaje.workers.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engranaje.workers.catalog.InvalidConfiguration;
import dev.engranaje.workers.runtime.Backoff;
import dev.engranaje.workers.runtime.WorkerOptions;
import dev.engranaje.workers.secrets.SecretBindings;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerConfigLoaderTest {
  @TempDir Path dir;

  private static Path example() throws URISyntaxException {
    return Path.of(WorkerConfigLoaderTest.class.getResource("/runtime/worker.yaml").toURI());
  }

  private Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("worker.yaml"), yaml);
  }

  private static final String MINIMAL = "workspace: {root: work}\nledger: {file: ledger.db}\n";

  @Test
  void shouldReadEveryKeyOfTheDocumentedExample() throws Exception {
    // when
    WorkerHostConfig config = WorkerConfigLoader.load(example(), Map.of());

    // then
    Path base = example().getParent();
    assertThat(config.engine().address()).isEqualTo("http://localhost:8080");
    assertThat(config.workspaceRoot()).isEqualTo(base.resolve("work"));
    assertThat(config.areas()).containsEntry("inbox", base.resolve("shared/inbox")).containsEntry("outbox", base.resolve("shared/outbox"));
    assertThat(config.secretsFile()).isEqualTo(base.resolve("secrets.properties"));
    assertThat(config.secretsFromEnvironment()).isTrue();
    assertThat(config.secretBindings().hostsOf("BANK_PASSWORD")).contains(List.of("bank.example.com", "127.0.0.1:8443"));
    assertThat(config.secretBindings().hostsOf("API_TOKEN")).contains(List.of("*.api.example.com"));
    assertThat(config.secretBindings().hostsOf("SMTP_PASSWORD")).isEmpty();
    assertThat(config.ledgerFile()).isEqualTo(base.resolve("state/ledger.db"));
    assertThat(config.serverHost()).isEqualTo("127.0.0.1");
    assertThat(config.serverPort()).isEqualTo(9464);
    assertThat(config.shutdownGrace()).isEqualTo(Duration.ofSeconds(45));
    assertThat(config.enabled("test:greet:1")).isTrue();
    assertThat(config.enabled("test:paused:1")).isFalse();
    assertThat(config.enabled("test:unlisted:1")).isFalse();
    Backoff defaultBackoff = new Backoff(Duration.ofSeconds(5), 2.0, Duration.ofMinutes(5));
    assertThat(config.options("test:greet:1"))
        .isEqualTo(new WorkerOptions(8, Duration.ofMinutes(2), List.of("name"), 3, defaultBackoff));
    assertThat(config.options("test:salute:1")).isEqualTo(new WorkerOptions(4, Duration.ofMinutes(5), List.of(), 5,
        new Backoff(Duration.ofSeconds(10), 2.0, Duration.ofMinutes(5))));
    assertThat(config.settings().get("greeting").get("salutation").asText()).isEqualTo("Good day");
  }

  @Test
  void shouldApplyDefaultsWhenOnlyTheRequiredKeysAreGiven() throws Exception {
    WorkerHostConfig config = WorkerConfigLoader.load(write(MINIMAL), Map.of());

    assertThat(config.serverPort()).isEqualTo(WorkerConfigLoader.DEFAULT_PORT);
    assertThat(config.serverHost()).isEqualTo("127.0.0.1");
    assertThat(config.shutdownGrace()).isEqualTo(WorkerConfigLoader.DEFAULT_GRACE);
    assertThat(config.defaults()).isEqualTo(WorkerOptions.DEFAULT);
    assertThat(config.secretsFile()).isNull();
    assertThat(config.engine()).isEqualTo(WorkerHostConfig.EngineSettings.NONE);
  }

  @Test
  void shouldLetEnvironmentVariablesOverrideTheFile() throws Exception {
    // given
    Map<String, String> environment = Map.of("ENGRANAJE_WORKSPACE_ROOT", "/srv/rpa/work", "ENGRANAJE_SERVER_PORT", "0",
        "ENGRANAJE_SHUTDOWN_GRACE", "2m", "ENGRANAJE_SECRETS_FILE", "/etc/rpa/secrets.properties");

    // when
    WorkerHostConfig config = WorkerConfigLoader.load(example(), environment);

    // then
    assertThat(config.workspaceRoot()).isEqualTo(Path.of("/srv/rpa/work"));
    assertThat(config.serverPort()).isZero();
    assertThat(config.shutdownGrace()).isEqualTo(Duration.ofMinutes(2));
    assertThat(config.secretsFile()).isEqualTo(Path.of("/etc/rpa/secrets.properties"));
  }

  @Test
  void shouldNameTheKeyWhenAValueIsOutOfRange() throws Exception {
    Path file = write(MINIMAL + "jobs:\n  \"rpa:mail.send:1\": {maxJobsActive: 0}\n");

    assertThatThrownBy(() -> WorkerConfigLoader.load(file, Map.of()))
        .isInstanceOf(InvalidConfiguration.class)
        .hasMessage(String.format(WorkerConfigLoader.BAD_VALUE, "jobs.rpa:mail.send:1.maxJobsActive", file,
            "a whole number of at least 1", "0"));
  }

  @Test
  void shouldNameTheSecretWhenAHostBindingIsNotAHost() throws Exception {
    Path file = write(MINIMAL + "secrets: {hosts: {BANK_PASSWORD: [\"https://bank.example.com/login\"]}}\n");
    assertThatThrownBy(() -> WorkerConfigLoader.load(file, Map.of()))
        .isInstanceOf(InvalidConfiguration.class)
        .hasMessage(String.format(WorkerConfigLoader.BAD_HOSTS, file,
            String.format(SecretBindings.BAD_ENTRY, "BANK_PASSWORD", "https://bank.example.com/login")));
    Path empty = write(MINIMAL + "secrets: {hosts: {BANK_PASSWORD: []}}\n");
    assertThatThrownBy(() -> WorkerConfigLoader.load(empty, Map.of()))
        .hasMessageContaining("key 'secrets.hosts.BANK_PASSWORD'");
  }

  @Test
  void shouldNameTheKeyAndTheKnownOnesWhenAKeyIsMisspelt() throws Exception {
    Path file = write(MINIMAL + "shutdown: {grase: 10s}\n");

    assertThatThrownBy(() -> WorkerConfigLoader.load(file, Map.of()))
        .hasMessageContaining("Expected " + file + " to be a YAML worker configuration, but key 'shutdown.grase' is invalid:"
            + " it is not a known key; known keys here: [grace]");
  }

  @Test
  void shouldNameTheKeyWhenADurationCannotBeRead() throws Exception {
    Path file = write(MINIMAL + "defaults: {timeout: five minutes}\n");

    assertThatThrownBy(() -> WorkerConfigLoader.load(file, Map.of()))
        .hasMessageContaining("key 'defaults.timeout' is invalid: " + String.format(WorkerConfigLoader.BAD_DURATION, "five minutes"));
  }

  @Test
  void shouldSayWhatIsMissingWhenARequiredKeyIsAbsent() throws Exception {
    Path file = write("ledger: {file: ledger.db}\n");

    assertThatThrownBy(() -> WorkerConfigLoader.load(file, Map.of()))
        .hasMessage(String.format(WorkerConfigLoader.MISSING_KEY, "workspace.root", file, "the directory for the instances' files"));
  }

  @Test
  void shouldGiveTheLineWhenTheFileIsNotYaml() throws Exception {
    Path file = write(MINIMAL + "server: [port: 1\n");

    assertThatThrownBy(() -> WorkerConfigLoader.load(file, Map.of()))
        .hasMessageStartingWith("Expected " + file + " to be a YAML worker configuration, but line ");
    assertThatThrownBy(() -> WorkerConfigLoader.load(dir.resolve("absent.yaml"), Map.of()))
        .hasMessage(String.format(WorkerConfigLoader.UNREADABLE, dir.resolve("absent.yaml"), "there is no such file"));
  }
}
