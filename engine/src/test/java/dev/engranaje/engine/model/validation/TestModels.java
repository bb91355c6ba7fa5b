package dev.engranaje.engine.model.validation;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Builds small BPMN documents for the validation tests. */
final class TestModels {

  static final String RESOURCE = "test.bpmn";

  private static final String DEFINITIONS_START =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
          id="defs" targetNamespace="http://engranaje.dev/test">
      """;
  private static final String DEFINITIONS_END = "</bpmn:definitions>\n";

  private TestModels() {}

  /** Wraps root elements (processes, errors...) in a definitions element. */
  static String definitions(String rootElements) {
    return DEFINITIONS_START + rootElements + DEFINITIONS_END;
  }

  /** Wraps flow elements in an executable process 'p', plus optional extra root elements. */
  static String process(String flowElements, String... otherRootElements) {
    return definitions(
        String.join("\n", otherRootElements)
            + "\n<bpmn:process id=\"p\" isExecutable=\"true\">\n"
            + flowElements
            + "\n</bpmn:process>\n");
  }

  static ValidatedResource validate(String xml) {
    return new DeploymentValidator().validate(RESOURCE, xml.getBytes(UTF_8));
  }

  static ValidatedResource validate(BpmnModelInstance model) {
    return validate(Bpmn.convertToString(model));
  }

  static List<ValidationFinding> findings(String xml) {
    return validate(xml).findings();
  }

  static ValidationFinding finding(String elementId, String rule) {
    return new ValidationFinding(RESOURCE, elementId, rule);
  }

  static byte[] resource(String path) {
    try (InputStream in = TestModels.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("No test resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
