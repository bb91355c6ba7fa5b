package dev.engranaje.workers.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engranaje.workers.api.TechnicalFailure;
import dev.engranaje.workers.mail.MailTemplate.Escaping;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailTemplateTest {
  private static final Map<String, Object> VALUES = Map.of(
      "name", "Ana & <Luis>",
      "invoice", Map.of("number", "F-17", "total", 1250.5, "count", 3.0, "exact", new BigDecimal("10.00"), "paid", false),
      "lines", List.of(Map.of("item", "Widget \"XL\""), Map.of("item", "O'Brien's bolt")));

  @Test
  void shouldFillNestedPathsAndListItemsWhenValuesExist() throws Exception {
    String text = MailTemplate.render("{{ name }}: {{invoice.number}} {{invoice.total}} {{invoice.count}} {{invoice.exact}}"
        + " {{invoice.paid}} {{lines.1.item}}", VALUES, Escaping.TEXT, "input 'textBody'");

    assertThat(text).isEqualTo("Ana & <Luis>: F-17 1250.5 3 10.00 false O'Brien's bolt");
  }

  @Test
  void shouldEscapeEveryValueWhenRenderingHtml() throws Exception {
    String html = MailTemplate.render("<p title=\"{{lines.0.item}}\">{{name}} {{lines.1.item}}</p>", VALUES, Escaping.HTML,
        "the HTML body");

    assertThat(html).isEqualTo("<p title=\"Widget &quot;XL&quot;\">Ana &amp; &lt;Luis&gt; O&#39;Brien&#39;s bolt</p>");
  }

  @Test
  void shouldRemoveLineBreaksWhenRenderingAHeader() throws Exception {
    Map<String, Object> values = Map.of("customer", "ACME\r\nBcc: victim@example.com");

    assertThat(MailTemplate.render("Invoice for {{customer}}", values, Escaping.HEADER, "input 'subject'"))
        .isEqualTo("Invoice for ACME  Bcc: victim@example.com");
  }

  @Test
  void shouldRenderNullAsEmptyTextWhenTheValueIsPresentButNull() throws Exception {
    Map<String, Object> values = new HashMap<>();
    values.put("middle", null);

    assertThat(MailTemplate.render("[{{middle}}]", values, Escaping.TEXT, "x")).isEqualTo("[]");
  }

  @Test
  void shouldFailNamingThePlaceholderWhenAValueIsMissing() {
    assertThatThrownBy(() -> MailTemplate.render("Dear {{customer.name}}", VALUES, Escaping.TEXT, "the text body"))
        .isInstanceOf(TechnicalFailure.class)
        .hasMessage("Expected a value for {{customer.name}} in the text body, but input 'values' has no 'customer.name';"
            + " add it to the task's values or fix the placeholder");
    assertThatThrownBy(() -> MailTemplate.render("{{lines.5.item}}", VALUES, Escaping.TEXT, "the text body"))
        .hasMessageStartingWith("Expected a value for {{lines.5.item}}");
  }

  @Test
  void shouldRefuseSecretsWhenATemplateReferencesOne() {
    assertThatThrownBy(() -> MailTemplate.render("pw: {{secrets.MAIL_PASSWORD}}", VALUES, Escaping.TEXT, "input 'subject'"))
        .isInstanceOf(TechnicalFailure.class)
        .hasMessage(String.format(MailTemplate.SECRET, "input 'subject'", "secrets.MAIL_PASSWORD"));
  }

  @Test
  void shouldRefuseAnythingButAPathWhenAPlaceholderHoldsAnExpression() {
    for (String template : List.of("{{#lines}}", "{{{name}}}", "{{name | upper}}", "{{}}")) {
      assertThatThrownBy(() -> MailTemplate.render(template, VALUES, Escaping.HTML, "the HTML body"))
          .as(template)
          .isInstanceOf(TechnicalFailure.class)
          .hasMessageStartingWith("Expected a placeholder like {{name}} or {{invoice.number}} in the HTML body, but found");
    }
  }

  @Test
  void shouldRefuseObjectsWhenAPlaceholderNamesOne() {
    assertThatThrownBy(() -> MailTemplate.render("{{invoice}}", VALUES, Escaping.TEXT, "the text body"))
        .hasMessage(String.format(MailTemplate.NOT_TEXT, "invoice", "the text body", "an object"));
  }
}
