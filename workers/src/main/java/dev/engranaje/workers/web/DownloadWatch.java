package dev.engranaje.workers.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Sleeper;

/**
 * Watches a job's download directory for the file a click starts: complete means a new file with
 * no partial file ({@code .crdownload}, {@code .part}) left beside it and the same size on two polls
 * in a row, because Chromium renames its partial file only when done but a slow server can still
 * look finished between two chunks.
 *
 * <p>Not thread-safe; one per download step.
 */
final class DownloadWatch {
  private final Path directory;
  private final Clock clock;
  private final Set<String> before;
  private final Map<Path, Long> sizes = new HashMap<>();

  /** Remembers the files already there, so only a new one counts. */
  DownloadWatch(Path directory, Clock clock) {
    this.directory = directory;
    this.clock = clock;
    this.before = names();
  }

  /** The completed new file, or empty after {@code timeout}. */
  Optional<Path> await(Duration timeout) {
    try {
      return Optional.of(new FluentWait<>(directory, clock, Sleeper.SYSTEM_SLEEPER).withTimeout(timeout)
          .pollingEvery(ElementFinder.POLL).until(dir -> completed()));
    } catch (TimeoutException e) {
      return Optional.empty();
    }
  }

  private Path completed() {
    Set<String> names = names();
    if (names.stream().anyMatch(DownloadNames::isPartial)) {
      return null;
    }
    Optional<String> fresh = names.stream().filter(name -> !before.contains(name)).findFirst();
    if (fresh.isEmpty()) {
      return null;
    }
    Path file = directory.resolve(fresh.get());
    long size = size(file);
    Long previous = sizes.put(file, size);
    return previous != null && previous == size ? file : null;
  }

  private Set<String> names() {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(path -> path.getFileName().toString()).collect(Collectors.toSet());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the download directory", e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return -1;
    }
  }
}
