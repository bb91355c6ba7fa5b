package dev.engranaje.engine.model.validation;

import static dev.engranaje.engine.model.validation.TestModels.resource;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Real-world Zeebe models; origin and licence in {@code src/test/resources/bpmn/SOURCES.md}. */
class CorpusModelsValidationTest {

  private final DeploymentValidator validator = new DeploymentValidator();

  @ParameterizedTest
  @ValueSource(strings = {"jssdk-conditional-pathway.bpmn", "jssdk-error-boundary-subprocess.bpmn",
      "simplemonitor-payment.bpmn", "jssdk-user-task-form.bpmn"})
  void shouldAcceptWhenRealModelUsesOnlySupportedElements(String file) {
    // given
    byte[] content = resource("/bpmn/corpus/" + file);

    // when
    ValidatedResource result = validator.validate(file, content);

    // then
    assertThat(result.findings()).isEmpty();
    assertThat(result).isInstanceOf(ValidatedResource.Accepted.class);
  }

  @ParameterizedTest
  // a real model with its user task swapped for a complex gateway, which is still unsupported
  @CsvSource(quoteCharacter = '"', value = {
      "jssdk-user-task-form-complex-gateway.bpmn, Activity_0urphmi, 'complexGateway'"
  })
  void shouldNameUnsupportedElementWhenRealModelUsesIt(String file, String id, String kind) {
    // given
    byte[] content = resource("/bpmn/corpus/" + file);

    // when
    ValidatedResource result = validator.validate(file, content);

    // then
    assertThat(result.findings()).contains(new ValidationFinding(file, id,
        "Expected a supported BPMN element, but " + kind + " (id '" + id + "') is not supported yet"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"jssdk-broken-empty-task-type.bpmn"})
  void shouldNameTaskWhenRealModelHasEmptyJobType(String file) {
    // given
    byte[] content = resource("/bpmn/corpus/" + file);

    // when
    ValidatedResource result = validator.validate(file, content);

    // then
    assertThat(result.describe()).contains("jssdk-broken-empty-task-type.bpmn: element"
        + " 'ServiceTask_0g6tf5f': Expected a 'zeebe:taskDefinition' with a non-empty 'type', but"
        + " the 'type' was empty");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "jssdk-conditional-pathway.bpmn",
      "jssdk-error-boundary-subprocess.bpmn",
      "jssdk-user-task-form.bpmn",
      "jssdk-broken-empty-task-type.bpmn",
      "simplemonitor-payment.bpmn"
  })
  void shouldNotFailAnyRuleWhenValidatingRealModel(String file) {
    // given
    byte[] content = resource("/bpmn/corpus/" + file);

    // when
    ValidatedResource result = validator.validate(file, content);

    // then
    assertThat(result.findings())
        .allSatisfy(finding -> assertThat(finding.elementId()).isNotNull())
        .extracting(ValidationFinding::rule)
        .noneMatch(rule -> rule.startsWith("Expected the rule '"));
  }
}
