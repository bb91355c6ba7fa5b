package dev.engranaje.workers.workspace;

import dev.engranaje.workers.api.TechnicalFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;

/**
 * The files of one process instance: a directory under the configured workspace root, plus the
 * named areas configured for the runtime (e.g. {@code inbox}, {@code outbox}). Workers exchange
 * files through references: {@code statements/2026-11.csv} is relative to the instance directory,
 * {@code inbox:bank/today.xml} is relative to the {@code inbox} area. A reference that is absolute
 * or escapes its directory ({@code ..}, or a symbolic link pointing outside) is refused.
 *
 * <p>Thread-safe (immutable); the instance directory is created on first use.
 */
public final class Workspace {
  static final String OUTSIDE =
      "Expected a file reference inside the workspace, but '%s' points outside it; use a path"
          + " relative to the instance workspace or to a configured area (e.g. inbox:file.csv)";
  static final String UNKNOWN_AREA =
      "Expected a configured file area, but '%s' is not one; configured areas: %s";

  private final Path directory;
  private final Map<String, Path> areas;

  /**
   * @param directory the instance directory (created when missing)
   * @param areas named directories outside the instance directory, e.g. inbox and outbox
   */
  public Workspace(Path directory, Map<String, Path> areas) {
    this.directory = directory.toAbsolutePath().normalize();
    this.areas = Map.copyOf(areas);
  }

  /** The workspace of process instance {@code processInstanceKey} under {@code root}. */
  public static Workspace forInstance(Path root, long processInstanceKey, Map<String, Path> areas) {
    return new Workspace(root.resolve(Long.toString(processInstanceKey)), areas);
  }

  /** The instance directory, created when missing. */
  public Path directory() {
    try {
      return Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the workspace directory " + directory, e);
    }
  }

  /**
   * The file a reference names, checked to stay inside its directory. Parent directories are not
   * created; use {@link #resolveForWriting(String)} for a file about to be written.
   */
  public Path resolve(String reference) throws TechnicalFailure {
    if (reference == null || reference.isBlank()) {
      throw TechnicalFailure.permanent("Expected a file reference, but it is empty");
    }
    int colon = reference.indexOf(':');
    Path base;
    String relative;
    if (colon > 1) {
      String area = reference.substring(0, colon);
      base = areas.get(area);
      if (base == null) {
        throw TechnicalFailure.permanent(String.format(UNKNOWN_AREA, area, areas.keySet()));
      }
      base = base.toAbsolutePath().normalize();
      relative = reference.substring(colon + 1);
    } else {
      base = directory;
      relative = reference;
    }
    Path candidate;
    try {
      candidate = base.resolve(relative).normalize();
    } catch (java.nio.file.InvalidPathException e) {
      throw TechnicalFailure.permanent(String.format(OUTSIDE, reference));
    }
    if (Path.of(relative).isAbsolute() || !candidate.startsWith(base) || candidate.equals(base)) {
      throw TechnicalFailure.permanent(String.format(OUTSIDE, reference));
    }
    requireNoLinkOutside(base, candidate, reference);
    return candidate;
  }

  /** Like {@link #resolve(String)}, and creates the parent directories. */
  public Path resolveForWriting(String reference) throws TechnicalFailure {
    Path file = resolve(reference);
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw TechnicalFailure.retryable("Cannot create the directory for '" + reference + "': " + e.getMessage(), e);
    }
    return file;
  }

  /** The reference of a file inside the instance directory, for output variables. */
  public String reference(Path file) {
    Path normalized = file.toAbsolutePath().normalize();
    if (!normalized.startsWith(directory)) {
      for (Map.Entry<String, Path> area : areas.entrySet()) {
        Path base = area.getValue().toAbsolutePath().normalize();
        if (normalized.startsWith(base)) {
          return area.getKey() + ":" + separatorsToSlash(base.relativize(normalized));
        }
      }
      throw new IllegalArgumentException(String.format(OUTSIDE, file));
    }
    return separatorsToSlash(directory.relativize(normalized));
  }

  private static String separatorsToSlash(Path relative) {
    return relative.toString().replace('\\', '/');
  }

  // A symbolic link inside the workspace could point anywhere; the real path must stay inside.
  private static void requireNoLinkOutside(Path base, Path candidate, String reference) throws TechnicalFailure {
    Path existing = candidate;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    if (existing == null || !existing.startsWith(base) || !Files.exists(base)) {
      return;
    }
    try {
      if (!existing.toRealPath().startsWith(base.toRealPath())) {
        throw TechnicalFailure.permanent(String.format(OUTSIDE, reference));
      }
    } catch (IOException e) {
      throw TechnicalFailure.permanent(String.format(OUTSIDE, reference), e);
    }
  }
}
