package dev.engranaje.cli;

import dev.engranaje.test.scenario.JUnitXmlReport;
import dev.engranaje.test.scenario.ScenarioResult;
import dev.engranaje.test.scenario.ScenarioRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** {@code rpa test [PATH...]}: runs scenario files on the embedded engine, prints pass/fail, writes JUnit XML. */
@CommandLine.Command(name = "test", mixinStandardHelpOptions = true,
    description = {"Runs process scenarios (*.test.yaml next to a model) on an in-memory engine with mocked workers"
        + " and time skipping; exit code 1 when one fails.", "PATH is a scenario file or a folder searched for them"
        + " (default: bpmn/)."})
final class TestCommand implements Callable<Integer> {
  @CommandLine.Parameters(paramLabel = "PATH", arity = "0..*", description = "scenario files or folders (default bpmn/)")
  List<Path> paths = new ArrayList<>();

  @CommandLine.Option(names = "--junit-xml", paramLabel = "FILE", description = "also write the results as JUnit XML")
  Path junitXml;

  @CommandLine.Option(names = {"-v", "--verbose"}, description = "print the record log of each failed scenario")
  boolean verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    LibraryLogging.quiet();
    List<Path> files = scenarioFiles(paths.isEmpty() ? List.of(Path.of("bpmn")) : paths);
    if (files.isEmpty()) {
      throw new UserError("Expected scenario files (*.test.yaml) under " + (paths.isEmpty() ? "bpmn/" : paths)
          + ", but found none");
    }
    ScenarioRunner runner = new ScenarioRunner();
    List<ScenarioResult> results = new ArrayList<>();
    for (Path file : files) {
      for (ScenarioResult result : runner.run(file)) {
        results.add(result);
        print(out, result);
      }
    }
    long failed = results.stream().filter(r -> !r.passed()).count();
    out.printf("%n%d scenario(s) in %d file(s): %d passed, %d failed%n", results.size(), files.size(),
        results.size() - failed, failed);
    if (junitXml != null) {
      JUnitXmlReport.write(results, junitXml);
      out.println("JUnit XML written to " + junitXml);
    }
    out.flush();
    return failed == 0 ? 0 : 1;
  }

  private void print(PrintWriter out, ScenarioResult result) {
    String label = switch (result.outcome()) {
      case PASSED -> "PASS  ";
      case FAILED -> "FAIL  ";
      case BROKEN -> "BROKEN";
    };
    out.printf("%s %s > %s (%d ms)%n", label, result.file(), result.name(), result.took().toMillis());
    if (!result.passed()) {
      result.reason().lines().forEach(line -> out.println("         " + line));
      if (verbose && !result.recordLog().isEmpty()) {
        result.recordLog().lines().forEach(line -> out.println("         " + line));
      }
    }
  }

  private static List<Path> scenarioFiles(List<Path> paths) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        files.addAll(scenarioFilesUnder(path));
      } else if (Files.isRegularFile(path)) {
        files.add(path);
      } else {
        throw new UserError("Expected a scenario file or folder at " + path + ", but there is none");
      }
    }
    return files;
  }

  /** Scenario files below a folder, skipping build output ({@code target}) and hidden folders such as {@code .git}. */
  private static List<Path> scenarioFilesUnder(Path folder) throws IOException {
    List<Path> found = new ArrayList<>();
    Files.walkFileTree(folder, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
        String name = directory.getFileName() == null ? "" : directory.getFileName().toString();
        boolean skipped = !directory.equals(folder) && (name.equals("target") || name.startsWith("."));
        return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
        if (file.getFileName().toString().endsWith(".test.yaml")) {
          found.add(file);
        }
        return FileVisitResult.CONTINUE;
      }
    });
    found.sort(null);
    return found;
  }
}
