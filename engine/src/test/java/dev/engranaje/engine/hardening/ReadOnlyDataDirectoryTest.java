package dev.engranaje.engine.hardening;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.engranaje.engine.Engine;
import dev.engranaje.engine.EngineOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory the engine cannot write is a clear sentence at start, not a stack trace saying
 * "unable to open". As an ordinary user the directory is made read-only with permissions; as root
 * (who ignores them) a read-only tmpfs is mounted there instead, and the test is skipped where
 * mounting is not allowed.
 */
class ReadOnlyDataDirectoryTest {

  @TempDir
  Path temporary;

  @Test
  void shouldSayTheDataDirectoryIsReadOnlyWhenItCannotBeWritten() throws Exception {
    // given
    Path dataDirectory = Files.createDirectory(temporary.resolve("data"));
    Runnable restore = makeReadOnly(dataDirectory);
    try {
      // when / then
      assertThatThrownBy(() -> Engine.start(options(dataDirectory)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("Expected to write to the data directory '" + dataDirectory.toAbsolutePath()
              + "', but it is read-only");
    } finally {
      restore.run();
    }
  }

  @Test
  void shouldSayTheDataDirectoryCannotBeCreatedWhenItsParentIsReadOnly() throws Exception {
    // given
    Path parent = Files.createDirectory(temporary.resolve("parent"));
    Runnable restore = makeReadOnly(parent);
    try {
      // when / then
      assertThatThrownBy(() -> Engine.start(options(parent.resolve("data"))))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("Expected to create the data directory '" + parent.resolve("data").toAbsolutePath()
              + "', but ")
          .hasMessageEndingWith("; create it (writable for this user) or choose another --data-dir");
    } finally {
      restore.run();
    }
  }

  private static EngineOptions options(Path dataDirectory) {
    return EngineOptions.builder().dataDirectory(dataDirectory).port(0).build();
  }

  /** Makes a directory read-only for this process; returns how to undo it. */
  private static Runnable makeReadOnly(Path directory) throws IOException, InterruptedException {
    if (!"root".equals(System.getProperty("user.name"))) {
      Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("r-xr-xr-x"));
      return () -> {
        try {
          Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      };
    }
    assumeTrue(run("mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", directory.toString()) == 0,
        "running as root and mounting a read-only tmpfs is not allowed here");
    return () -> {
      try {
        run("umount", directory.toString());
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException("Could not unmount " + directory, e);
      }
    };
  }

  static int run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getInputStream().readAllBytes();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return -1;
    }
    return process.exitValue();
  }
}
