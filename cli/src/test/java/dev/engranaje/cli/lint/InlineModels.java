package dev.engranaje.cli.lint;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/** Lints small models written inline in tests. */
final class InlineModels {
  private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
      + " xmlns:bpmndi=\"http://www.omg.org/spec/BPMN/20100524/DI\" xmlns:dc=\"http://www.omg.org/spec/DD/20100524/DC\""
      + " xmlns:zeebe=\"http://camunda.org/schema/zeebe/1.0\" id=\"defs\" targetNamespace=\"http://test\">\n";

  private InlineModels() {}

  /** A document with the process body and any root elements after it. */
  static String process(String body, String roots) {
    return HEAD + "<bpmn:process id=\"p\" isExecutable=\"true\">\n" + body + "\n</bpmn:process>\n" + roots
        + "\n</bpmn:definitions>\n";
  }

  static String process(String body) {
    return process(body, "");
  }

  static List<LintFinding> lint(String xml, String ruleId) {
    return lint(xml, ruleId, TemplateLibrary.empty());
  }

  /** Runs only the rule {@code ruleId}. */
  static List<LintFinding> lint(String xml, String ruleId, TemplateLibrary templates) {
    return lint(xml, List.of(LintRules.byId(ruleId).orElseThrow()), templates);
  }

  /** Runs every rule, keeping the findings of {@code ruleId}. */
  static List<LintFinding> lintAll(String xml, String ruleId) {
    return lint(xml, LintRules.all(), TemplateLibrary.empty()).stream().filter(f -> f.rule().equals(ruleId)).toList();
  }

  private static List<LintFinding> lint(String xml, List<LintRule> rules, TemplateLibrary templates) {
    Linter linter = new Linter(rules,
        new LintEnvironment(new KnownJobTypes(Set.of("rpa:http.request:1", "rpa:mail.send:1"), List.of()), templates));
    return linter.lint("inline.bpmn", xml.getBytes(StandardCharsets.UTF_8));
  }
}
