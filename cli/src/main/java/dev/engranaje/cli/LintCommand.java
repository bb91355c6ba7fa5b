package dev.engranaje.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.engranaje.cli.lint.KnownJobTypes;
import dev.engranaje.cli.lint.LintEnvironment;
import dev.engranaje.cli.lint.LintFinding;
import dev.engranaje.cli.lint.LintRule;
import dev.engranaje.cli.lint.LintRules;
import dev.engranaje.cli.lint.Linter;
import dev.engranaje.cli.lint.Severity;
import dev.engranaje.cli.lint.TemplateLibrary;
import dev.engranaje.workers.catalog.WorkerCatalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rpa lint}: checks models without deploying them and prints one line per finding
 * ({@code file:line element-id rule severity: message}) or JSON.
 */
@Command(name = "lint", mixinStandardHelpOptions = true,
    description = {"Check BPMN models without deploying them: the engine's deployment validation, the Camunda 8.9",
        "compatibility rules of Camunda Modeler's linter, and Engranaje's rules (job types nobody serves, outdated or",
        "unfilled element templates, missing diagrams, unreachable elements, side effects without an error path, user",
        "tasks without a form, timers without a zone). Rules and examples: docs/analysts/lint.md.",
        "Exit codes: 0 no errors (warnings allowed unless --strict), 1 errors found or bad arguments."})
final class LintCommand implements Callable<Integer> {
  static final String UNKNOWN_RULE = "Expected a rule id from 'rpa lint --list-rules', but '%s' is not one";
  static final String NOTHING = "Expected BPMN files or folders to lint, but none were given";

  @Parameters(arity = "0..*", paramLabel = "FILE|DIR", description = "BPMN files, or folders searched for *.bpmn.")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--json", description = "Print the findings as JSON.")
  boolean json;

  @Option(names = "--strict", description = "Fail (exit 1) on warnings too.")
  boolean strict;

  @Option(names = "--templates", paramLabel = "DIR",
      description = "Element template folder (repeatable). Default: every .camunda/element-templates and"
          + " bpmn/element-templates in the models' folders and their parents, as Camunda Modeler searches,"
          + " and Engranaje's own templates.")
  List<Path> templateFolders = new ArrayList<>();

  @Option(names = "--job-type", paramLabel = "PATTERN",
      description = "A job type your own workers serve (repeatable; * matches anything, e.g. 'acme:*').")
  List<String> jobTypes = new ArrayList<>();

  @Option(names = "--disable", paramLabel = "RULE", description = "Skip a rule by id (repeatable).")
  List<String> disabled = new ArrayList<>();

  @Option(names = "--list-rules", description = "List the rules with their ids and severities, then exit.")
  boolean listRules;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (listRules) {
      LintRules.all().forEach(r -> out.printf("%-44s %-8s %s%n", r.id(), r.severity().label(), r.summary()));
      out.flush();
      return 0;
    }
    if (paths.isEmpty()) {
      throw new UserError(NOTHING);
    }
    List<Path> files;
    TemplateLibrary templates;
    try {
      files = Linter.modelFiles(paths);
      templates = TemplateLibrary.read(templateFolders.isEmpty() ? defaultTemplateFolders(paths) : templateFolders);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
    Set<String> served = new TreeSet<>(WorkerCatalog.discover().jobTypes());
    served.addAll(templates.jobTypes());
    Linter linter = new Linter(rules(), new LintEnvironment(new KnownJobTypes(served, jobTypes), templates));
    List<LintFinding> findings = new ArrayList<>();
    for (Path file : files) {
      findings.addAll(linter.lint(file));
    }
    long errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
    long warnings = findings.size() - errors;
    if (json) {
      out.println(toJson(files.size(), errors, warnings, findings));
    } else {
      findings.forEach(f -> out.println(f.describe()));
      out.printf("%d file%s, %d error%s, %d warning%s%n", files.size(), files.size() == 1 ? "" : "s", errors,
          errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
    }
    out.flush();
    return errors > 0 || strict && warnings > 0 ? 1 : 0;
  }

  private List<LintRule> rules() {
    for (String id : disabled) {
      if (LintRules.byId(id).isEmpty()) {
        throw new UserError(String.format(UNKNOWN_RULE, id));
      }
    }
    return LintRules.all().stream().filter(r -> !disabled.contains(r.id())).toList();
  }

  /**
   * The template folders Modeler would find for these models, plus the repository's (or the
   * installation's) own templates, found from where this command's classes were loaded.
   */
  static List<Path> defaultTemplateFolders(List<Path> paths) {
    Set<Path> folders = new LinkedHashSet<>();
    List<Path> starts = new ArrayList<>(paths.stream().map(p -> p.toAbsolutePath().normalize()).toList());
    installation().ifPresent(starts::add);
    for (Path start : starts) {
      for (Path dir = Files.isDirectory(start) ? start : start.getParent(); dir != null; dir = dir.getParent()) {
        for (Path candidate : List.of(dir.resolve(".camunda/element-templates"), dir.resolve("bpmn/element-templates"),
            dir.resolve("element-templates"))) {
          if (Files.isDirectory(candidate)) {
            folders.add(candidate);
          }
        }
      }
    }
    return List.copyOf(folders);
  }

  /** Where the running classes are (cli/target/classes, or a jar in the installation's lib folder). */
  private static Optional<Path> installation() {
    try {
      return Optional.of(Path.of(LintCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
    } catch (URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String toJson(int files, long errors, long warnings, List<LintFinding> findings) throws IOException {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("files", files);
    result.put("errors", errors);
    result.put("warnings", warnings);
    List<Map<String, Object>> list = new ArrayList<>();
    for (LintFinding f : findings) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("file", f.file());
      entry.put("line", f.line());
      entry.put("element", f.elementId());
      entry.put("rule", f.rule());
      entry.put("severity", f.severity().label());
      entry.put("message", f.message());
      list.add(entry);
    }
    result.put("findings", list);
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result);
  }
}
