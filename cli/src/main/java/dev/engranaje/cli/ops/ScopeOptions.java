package dev.engranaje.cli.ops;

import picocli.CommandLine.Option;

/** Where in the processes: {@code --process}, {@code --instance} and {@code --element}, shared by the listings. */
public final class ScopeOptions {
  @Option(names = "--process", paramLabel = "ID", description = "BPMN process id.")
  String processId;

  @Option(names = "--instance", paramLabel = "KEY", description = "Process instance key.")
  Long instanceKey;

  @Option(names = "--element", paramLabel = "ID", description = "BPMN element id.")
  String elementId;
}
