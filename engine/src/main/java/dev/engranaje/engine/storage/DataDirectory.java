package dev.engranaje.engine.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * An engine's data directory, owned exclusively: {@link #acquire} checks that it can be written and
 * takes an exclusive lock on {@value #LOCK_FILE} (holding the owner's pid and start time) for as long
 * as the engine runs, so a second engine on the same directory fails at start instead of writing
 * beside the first. It also keeps the fatal-error marker ({@value #FATAL_FILE}) that the quarantine
 * uses to recognise a command that kills the engine again after a restart.
 *
 * <p>Thread-safe. The lock is released by {@link #close()} or when the process ends (also on
 * {@code kill -9}: the operating system drops the lock with the file descriptor).
 */
public final class DataDirectory implements AutoCloseable {
  public static final String LOCK_FILE = "engranaje.lock";
  public static final String FATAL_FILE = "fatal-error.properties";
  static final String HELD = "Expected to own the data directory '%s', but another engine (%s) holds it;"
      + " stop it or choose another --data-dir";
  static final String READ_ONLY = "Expected to write to the data directory '%s', but it is read-only;"
      + " make it writable for this user or choose another --data-dir";
  static final String NOT_CREATABLE = "Expected to create the data directory '%s', but %s;"
      + " create it (writable for this user) or choose another --data-dir";

  private final Path path;
  private final FileChannel channel;
  private final FileLock lock;

  /** What the last fatal error recorded: the work it happened on and how many runs in a row it killed. */
  public record FatalMarker(String workId, String work, String error, int count, Instant at) {}

  private DataDirectory(Path path, FileChannel channel, FileLock lock) {
    this.path = path;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Creates the directory if needed, checks it is writable and locks it.
   *
   * @throws IllegalStateException with a message naming the directory (and the other owner) when it
   *     cannot be created, is read-only or is held by another engine
   */
  public static DataDirectory acquire(Path directory, Instant now) {
    Path path = directory.toAbsolutePath().normalize();
    try {
      Files.createDirectories(path);
    } catch (AccessDeniedException e) {
      throw new IllegalStateException(String.format(NOT_CREATABLE, path, "permission was denied"), e);
    } catch (IOException e) {
      throw new IllegalStateException(String.format(NOT_CREATABLE, path, describe(e)), e);
    }
    if (!Files.isDirectory(path)) {
      throw new IllegalStateException(String.format(NOT_CREATABLE, path, "it is a file"));
    }
    if (!Files.isWritable(path)) {
      throw new IllegalStateException(String.format(READ_ONLY, path));
    }
    Path lockFile = path.resolve(LOCK_FILE);
    FileChannel channel;
    try {
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (AccessDeniedException e) {
      throw new IllegalStateException(String.format(READ_ONLY, path), e);
    } catch (IOException e) {
      if (isReadOnlyFileSystem(e)) {
        throw new IllegalStateException(String.format(READ_ONLY, path), e);
      }
      throw new UncheckedIOException("Expected to open the lock file '" + lockFile + "', but failed", e);
    }
    try {
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException inThisProcess) {
        lock = null;
      }
      if (lock == null) {
        String owner = readOwner(channel);
        channel.close();
        throw new IllegalStateException(String.format(HELD, path, owner));
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(("pid=" + ProcessHandle.current().pid() + "\nstarted=" + now + "\n")
          .getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(true);
      return new DataDirectory(path, channel, lock);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UncheckedIOException("Expected to lock '" + lockFile + "', but failed", e);
    }
  }

  private static String readOwner(FileChannel channel) {
    try {
      ByteBuffer buffer = ByteBuffer.allocate(256);
      channel.read(buffer, 0);
      Properties owner = new Properties();
      owner.load(new java.io.StringReader(new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8)));
      return "pid " + owner.getProperty("pid", "unknown") + ", started " + owner.getProperty("started", "at an unknown time");
    } catch (IOException e) {
      return "pid unknown";
    }
  }

  private static boolean isReadOnlyFileSystem(IOException e) {
    return e.getMessage() != null && e.getMessage().contains("Read-only file system");
  }

  private static String describe(IOException e) {
    if (isReadOnlyFileSystem(e)) {
      return "its file system is read-only";
    }
    return e.getClass().getSimpleName() + " " + e.getMessage();
  }

  public Path path() {
    return path;
  }

  /** The marker a previous run left when it stopped on a fatal error, if any. */
  public Optional<FatalMarker> fatalMarker() {
    Path file = path.resolve(FATAL_FILE);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    Properties properties = new Properties();
    try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(in);
      return Optional.of(new FatalMarker(properties.getProperty("workId", ""), properties.getProperty("work", ""),
          properties.getProperty("error", ""), Integer.parseInt(properties.getProperty("count", "1")),
          Instant.parse(properties.getProperty("at", Instant.EPOCH.toString()))));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // a torn or foreign file: no quarantine rather than a start failure
    }
  }

  /**
   * Records, durably and on its own (not in the database, which may be what failed), which work was
   * running when a fatal error stopped the engine. Written to a temporary file, fsynced and moved
   * into place, so a crash while writing leaves the old marker or the new one.
   */
  public void writeFatalMarker(FatalMarker marker) {
    Properties properties = new Properties();
    properties.setProperty("workId", marker.workId());
    properties.setProperty("work", marker.work());
    properties.setProperty("error", marker.error());
    properties.setProperty("count", Integer.toString(marker.count()));
    properties.setProperty("at", marker.at().toString());
    Path file = path.resolve(FATAL_FILE);
    Path temporary = path.resolve(FATAL_FILE + ".tmp");
    try {
      java.io.StringWriter text = new java.io.StringWriter();
      properties.store(text, "written by the engine when a fatal error stopped it; see docs/engine/operations.md");
      try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        out.write(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
        out.force(true);
      }
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Expected to write '" + file + "', but failed", e);
    }
  }

  /** Forgets the fatal-error marker: the engine stopped cleanly, so nothing killed it twice in a row. */
  public void clearFatalMarker() {
    try {
      Files.deleteIfExists(path.resolve(FATAL_FILE));
    } catch (IOException e) {
      throw new UncheckedIOException("Expected to delete '" + path.resolve(FATAL_FILE) + "', but failed", e);
    }
  }

  /** Releases the lock. */
  @Override
  public void close() {
    try {
      if (lock.isValid()) {
        lock.release();
      }
    } catch (IOException e) {
      // the channel is closed next, which releases the lock anyway
    }
    closeQuietly(channel);
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // nothing left to release
    }
  }
}
