package dev.engranaje.engine.api.rest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The files bots saved in an instance's workspace ({@code <root>/<processInstanceKey>/<reference>},
 * as the workers lay it out), so that the console can link the evidence an incident names. Only
 * regular files inside that instance's directory are served: {@code ..}, absolute references and
 * links leading out are refused.
 */
final class ConsoleWorkspaceFiles {

  static final long MAX_BYTES = 32L * 1024 * 1024;

  private final Path root;

  ConsoleWorkspaceFiles(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** The file {@code reference} of instance {@code processInstanceKey}, if it exists and may be served. */
  Optional<Path> find(long processInstanceKey, String reference) {
    if (reference.isEmpty() || reference.startsWith("/") || reference.contains("\\")) {
      return Optional.empty();
    }
    Path directory = root.resolve(Long.toString(processInstanceKey));
    Path file = directory.resolve(reference).normalize();
    if (!file.startsWith(directory) || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      Path real = file.toRealPath();
      if (!real.startsWith(directory.toRealPath()) || Files.size(real) > MAX_BYTES) {
        return Optional.empty();
      }
      return Optional.of(real);
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
