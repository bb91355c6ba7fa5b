package dev.engranaje.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs {@code rpa} in-process as a user types it, capturing what it prints. */
final class RpaRun {
  /** What one run printed, and its exit code. */
  record Result(int exitCode, String out, String err) {}

  private RpaRun() {}

  /** A test resource as a file path, e.g. {@code /ops/ops-order.bpmn}. */
  static java.nio.file.Path resource(String name) {
    try {
      return java.nio.file.Path.of(RpaRun.class.getResource(name).toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Result rpa(String... args) {
    CommandLine commandLine = Rpa.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new Result(exitCode, out.toString(), err.toString());
  }
}
