package dev.engranaje.engine.model.validation;

import static dev.engranaje.engine.model.validation.TestModels.resource;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeParsingValidationTest {

  private final DeploymentValidator validator = new DeploymentValidator();

  @Test
  void shouldNameFileLineAndColumnWhenXmlIsMalformed() {
    // given
    byte[] content = resource("/bpmn/malformed.bpmn");

    // when
    ValidatedResource result = validator.validate("malformed.bpmn", content);

    // then
    assertThat(result.isAccepted()).isFalse();
    assertThat(result.findings()).singleElement().satisfies(finding -> {
      assertThat(finding.resourceName()).isEqualTo("malformed.bpmn");
      assertThat(finding.elementId()).isNull();
      assertThat(finding.rule())
          .startsWith("Expected well-formed XML, but line 6, column ")
          .contains("bpmn:startEvent");
    });
    assertThat(result.describe()).startsWith("malformed.bpmn: Expected well-formed XML, but line 6");
  }

  @Test
  void shouldRefuseDoctypeWhenDocumentDeclaresExternalEntity() {
    // given
    byte[] content = resource("/bpmn/xxe.bpmn");

    // when
    ValidatedResource result = validator.validate("xxe.bpmn", content);

    // then
    assertThat(result.findings()).singleElement().satisfies(finding -> {
      assertThat(finding.rule())
          .startsWith("Expected an XML document without DOCTYPE or entity declarations, but line 2")
          .contains("DOCTYPE is disallowed")
          .doesNotContain("root:");
    });
  }

  @Test
  void shouldRefuseDoctypeWhenDocumentIsAnEntityExpansionBomb() {
    // given
    byte[] content = resource("/bpmn/billion-laughs.bpmn");

    // when
    ValidatedResource result = validator.validate("bomb.bpmn", content);

    // then
    assertThat(result.findings()).singleElement().satisfies(finding ->
        assertThat(finding.rule())
            .startsWith("Expected an XML document without DOCTYPE or entity declarations, but")
            .doesNotContain("lollol"));
  }

  @Test
  void shouldRejectWhenResourceIsEmpty() {
    // when
    ValidatedResource result = validator.validate("empty.bpmn", new byte[0]);

    // then
    assertThat(result.describe())
        .isEqualTo("empty.bpmn: Expected a BPMN XML document, but the resource was empty");
  }

  @Test
  void shouldRejectWithSchemaMessageWhenXmlIsNotValidBpmn() {
    // given
    String xml = TestModels.process("<bpmn:startEvent id=\"s\" bogus=\"1\"><bpmn:unknown/></bpmn:startEvent>");

    // when
    ValidatedResource result = validator.validate("schema.bpmn", xml.getBytes(UTF_8));

    // then
    assertThat(result.findings()).singleElement().satisfies(finding ->
        assertThat(finding.rule()).startsWith("Expected a valid BPMN 2.0 document, but line "));
  }
}
