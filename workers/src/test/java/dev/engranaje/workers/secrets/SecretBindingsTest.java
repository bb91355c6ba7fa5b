package dev.engranaje.workers.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engranaje.workers.api.TechnicalFailure;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretBindingsTest {
  private final SecretBindings bindings = SecretBindings.of(Map.of(
      "BANK_PASSWORD", List.of("bank.example.com", "127.0.0.1:8443"),
      "API_TOKEN", List.of("*.example.org", "[::1]:9000")));

  @Test
  void shouldPassWhenTheDestinationMatchesABoundHost() {
    assertThatCode(() -> {
      bindings.check("BANK_PASSWORD", Destination.of(URI.create("https://BANK.example.com/login")));
      bindings.check("BANK_PASSWORD", Destination.of(URI.create("http://bank.example.com:8080/")));
      bindings.check("BANK_PASSWORD", new Destination("127.0.0.1", 8443));
      bindings.check("API_TOKEN", Destination.of(URI.create("https://api.example.org/v1")));
      bindings.check("API_TOKEN", Destination.of(URI.create("http://[::1]:9000/")));
      bindings.check("UNBOUND", new Destination("anywhere.example", 25));
    }).doesNotThrowAnyException();
  }

  @Test
  void shouldFailPermanentlyNamingTheSecretAndHostWhenTheDestinationIsNotBound() {
    assertThatThrownBy(() -> bindings.check("BANK_PASSWORD", new Destination("127.0.0.1", 8444)))
        .isInstanceOf(TechnicalFailure.class)
        .satisfies(e -> assertThat(((TechnicalFailure) e).isRetryable()).isFalse())
        .hasMessage(String.format(SecretBindings.NOT_BOUND_THERE, "BANK_PASSWORD", "[bank.example.com, 127.0.0.1:8443]",
            "127.0.0.1:8444"));
    assertThatThrownBy(() -> bindings.check("API_TOKEN", Destination.of(URI.create("https://example.org/"))))
        .hasMessageContaining("but the job sends it to example.org:443");
    assertThatThrownBy(() -> bindings.check("API_TOKEN", Destination.of(URI.create("https://evil-example.org/"))))
        .isInstanceOf(TechnicalFailure.class);
  }

  @Test
  void shouldRefuseAnEntryThatIsNotAHostWhenParsing() {
    assertThatThrownBy(() -> SecretBindings.of(Map.of("BANK_PASSWORD", List.of("https://bank.example.com/"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(String.format(SecretBindings.BAD_ENTRY, "BANK_PASSWORD", "https://bank.example.com/"));
    assertThatThrownBy(() -> SecretBindings.of(Map.of("X", List.of("host:99999")))).isInstanceOf(IllegalArgumentException.class);
  }
}
