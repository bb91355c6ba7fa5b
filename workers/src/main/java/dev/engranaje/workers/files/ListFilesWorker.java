package dev.engranaje.workers.files;

import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.JobType;
import dev.engranaje.workers.api.JobWorker;
import dev.engranaje.workers.api.TechnicalFailure;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code rpa:files.list:1}: the files in a workspace or area directory matching a glob, with sizes
 * and modification times, sorted by path. A glob without {@code /} matches file names at any depth
 * (with {@code recursive}); one with {@code /} matches the path relative to the directory. Symbolic
 * links are not listed or followed. Stateless and thread-safe.
 */
@JobType("rpa:files.list:1")
public final class ListFilesWorker implements JobWorker<ListFilesWorker.Input, ListFilesWorker.Listing> {
  static final String NOT_A_DIRECTORY = "Expected '%s' to be a directory, but it is a file; check 'directory'";
  static final String BAD_GLOB = "Expected a glob like *.csv or reports/**/*.xml in 'glob', but got '%s': %s";

  /**
   * @param directory a workspace directory, {@code ""} for the instance workspace, or an area root like {@code inbox:}
   * @param glob default {@code *}
   * @param recursive descend into subdirectories (default false)
   * @param includeDirectories list directories too (default false)
   * @param maxEntries at most this many entries (default 1000); {@code truncated} says when more matched
   */
  public record Input(String directory, String glob, Boolean recursive, Boolean includeDirectories, Integer maxEntries) {
    public Input {
      glob = glob == null || glob.isBlank() ? "*" : glob.trim();
      recursive = recursive != null && recursive;
      includeDirectories = includeDirectories != null && includeDirectories;
      maxEntries = maxEntries == null || maxEntries < 1 ? 1000 : maxEntries;
    }
  }

  /** One listed file: its workspace reference, name, size in bytes and last modification. */
  public record Entry(String path, String name, long size, Instant modified, boolean directory) {}

  /** The listing; {@code count} is the number of entries returned. */
  public record Listing(List<Entry> files, int count, boolean truncated) {}

  @Override
  public Class<Input> inputType() {
    return Input.class;
  }

  @Override
  public Listing handle(Input input, JobContext context) throws Exception {
    Path directory = Locations.directory(context.workspace(), input.directory());
    if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
      throw new BusinessError(Locations.FILE_NOT_FOUND, String.format(Locations.NOT_FOUND, input.directory(), "'directory'"));
    }
    if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
      throw TechnicalFailure.permanent(String.format(NOT_A_DIRECTORY, input.directory()));
    }
    PathMatcher matcher = matcher(input.glob());
    boolean byName = !input.glob().contains("/");
    List<Entry> entries = new ArrayList<>();
    boolean truncated = false;
    try (Stream<Path> walk = Files.walk(directory, input.recursive() ? Integer.MAX_VALUE : 1)) {
      for (Path path : (Iterable<Path>) walk.filter(p -> !p.equals(directory)).sorted()::iterator) {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attributes.isSymbolicLink() || attributes.isOther() || attributes.isDirectory() && !input.includeDirectories()) {
          continue;
        }
        Path relative = directory.relativize(path);
        if (!matcher.matches(byName ? relative.getFileName() : relative)) {
          continue;
        }
        if (entries.size() == input.maxEntries()) {
          truncated = true;
          break;
        }
        entries.add(new Entry(context.workspace().reference(path), path.getFileName().toString(),
            attributes.isDirectory() ? 0 : attributes.size(), attributes.lastModifiedTime().toInstant(), attributes.isDirectory()));
      }
    } catch (IOException e) {
      throw TechnicalFailure.retryable("Expected to list '" + input.directory() + "', but " + e.getMessage(), e);
    }
    entries.sort(Comparator.comparing(Entry::path));
    return new Listing(List.copyOf(entries), entries.size(), truncated);
  }

  private static PathMatcher matcher(String glob) throws TechnicalFailure {
    try {
      return FileSystems.getDefault().getPathMatcher("glob:" + glob);
    } catch (IllegalArgumentException e) {
      throw TechnicalFailure.permanent(String.format(BAD_GLOB, glob, e.getMessage()));
    }
  }
}
