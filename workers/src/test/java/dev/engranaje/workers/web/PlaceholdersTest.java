package dev.engranaje.workers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engranaje.workers.secrets.Destination;
import dev.engranaje.workers.secrets.Redactor;
import dev.engranaje.workers.secrets.SecretResolver;
import dev.engranaje.workers.secrets.SecretSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {
  private final Map<String, Object> extracted = new HashMap<>();
  private final Placeholders placeholders = new Placeholders(
      Map.of("invoice", Map.of("number", "INV-7", "lines", List.of(Map.of("amount", 12.5))), "portal", "http://127.0.0.1:8080"),
      extracted);

  @Test
  void shouldFillNestedPathsAndListIndexesWhenVariablesAreMaps() {
    String filled = placeholders.fill("${portal}/invoices/${invoice.number}?first=${invoice.lines.0.amount}", 1, "open");

    assertThat(filled).isEqualTo("http://127.0.0.1:8080/invoices/INV-7?first=12.5");
  }

  @Test
  void shouldPreferExtractedValuesAndKeepEscapesAndSecretsWhenFilling() {
    extracted.put("portal", "https://other.example");

    String filled = placeholders.fill("${portal} costs $${price} {{secrets.PORTAL_PASSWORD}}", 2, "type");

    assertThat(filled).isEqualTo("https://other.example costs ${price} {{secrets.PORTAL_PASSWORD}}");
  }

  @Test
  void shouldTypeAVariableLiterallyWhenItsValueLooksLikeASecretReference() throws Exception {
    SecretResolver secrets = new SecretResolver(SecretSource.of(Map.of("PORTAL_PASSWORD", "pa55-word")), new Redactor());
    Placeholders typed = new Placeholders(Map.of("note", "{{secrets.PORTAL_PASSWORD}}"), extracted);

    String filled = typed.fillWithSecrets("${note} / {{ secrets.PORTAL_PASSWORD }}", 3, "type", secrets,
        new Destination("portal.example", 443));

    assertThat(filled).isEqualTo("{{secrets.PORTAL_PASSWORD}} / pa55-word");
    assertThat(secrets.redactor().redact(filled)).isEqualTo("{{secrets.PORTAL_PASSWORD}} / ***");
  }

  @Test
  void shouldNameTheVariableAndStepWhenVariableIsMissing() {
    assertThatThrownBy(() -> placeholders.fill("${invoice.supplier}", 4, "type"))
        .hasMessage(String.format(Placeholders.UNKNOWN, "invoice.supplier", 4, "type"));
  }

  @Test
  void shouldQuoteBothQuoteKindsWhenTextSelectorHasThem() {
    assertThat(Selector.xpathLiteral("O'Brien \"Ltd\"")).isEqualTo("concat('O', \"'\", 'Brien \"Ltd\"')");
    assertThat(Selector.parse("xpath=//a").strategy()).isEqualTo(Selector.Strategy.XPATH);
    assertThat(Selector.parse("a:hover > b").strategy()).isEqualTo(Selector.Strategy.CSS);
    assertThat(Selector.parse("text= Sign in ").value()).isEqualTo("Sign in");
  }
}
