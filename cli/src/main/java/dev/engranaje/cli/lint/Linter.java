package dev.engranaje.cli.lint;

import dev.engranaje.cli.lint.rules.DeploymentRule;
import dev.engranaje.engine.model.validation.SafeXml;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs the rules over models. A Camunda-compatibility finding about an element the engine's
 * deployment validation already names is dropped, so each problem is told once, in the engine's
 * words. A rule that fails unexpectedly becomes an error finding naming the rule. Thread-safe.
 */
public final class Linter {
  static final String RULE_FAILED = "Expected the rule to check the model, but it failed with %s";
  static final String NO_MODELS = "Expected BPMN files (*.bpmn) or folders holding them, but '%s' is %s";

  private final List<LintRule> rules;
  private final LintEnvironment environment;

  public Linter(List<LintRule> rules, LintEnvironment environment) {
    this.rules = List.copyOf(rules);
    this.environment = Objects.requireNonNull(environment, "environment");
  }

  /** The {@code *.bpmn} files named, folders searched recursively, each list sorted. */
  public static List<Path> modelFiles(List<Path> paths) {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".bpmn"))
              .filter(p -> !p.toString().contains("/target/"))
              .sorted().forEach(files::add);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      } else if (Files.isRegularFile(path)) {
        files.add(path);
      } else {
        throw new IllegalArgumentException(String.format(NO_MODELS, path, "neither a file nor a folder"));
      }
    }
    return files;
  }

  /** Lints one file; the path as given names it in the findings. */
  public List<LintFinding> lint(Path file) throws IOException {
    return lint(file.toString(), Files.readAllBytes(file));
  }

  /** Lints one model, sorted by line. */
  public List<LintFinding> lint(String name, byte[] content) {
    LineIndex lines = LineIndex.of(content);
    LintedModel model = new LintedModel(name, content, parse(content), lines, environment);
    List<LintFinding> findings = new ArrayList<>();
    for (LintRule rule : rules) {
      if (model.model() == null && rule.needsParsedModel()) {
        continue;
      }
      LintReport report = (elementId, message) -> findings.add(
          new LintFinding(name, lines.lineOf(elementId), elementId, rule.id(), rule.severity(), message));
      try {
        rule.check(model, report);
      } catch (RuntimeException e) {
        report.add(null, RULE_FAILED, e);
      }
    }
    return withoutRepeats(findings);
  }

  private static List<LintFinding> withoutRepeats(List<LintFinding> findings) {
    Set<String> namedByEngine = findings.stream().filter(f -> f.rule().equals(DeploymentRule.ID))
        .map(LintFinding::elementId).filter(Objects::nonNull).collect(Collectors.toSet());
    return findings.stream()
        .filter(f -> !(f.rule().startsWith(LintRules.COMPAT_PREFIX) && namedByEngine.contains(f.elementId())))
        .distinct()
        .sorted(Comparator.comparingInt(LintFinding::line).thenComparing(LintFinding::rule))
        .toList();
  }

  private static BpmnModelInstance parse(byte[] content) {
    if (content.length == 0 || SafeXml.scan(content).isPresent()) {
      return null;
    }
    try {
      return Bpmn.readModelFromStream(new ByteArrayInputStream(content));
    } catch (RuntimeException e) {
      return null;
    }
  }
}
