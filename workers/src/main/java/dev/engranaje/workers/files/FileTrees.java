package dev.engranaje.workers.files;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Copies and deletes whole directory trees without following symbolic links (a link inside a tree
 * is skipped on copy and removed, not followed, on delete). Stateless.
 */
final class FileTrees {
  private FileTrees() {}

  /** Copies a file or a tree to {@code target}; returns the bytes copied. */
  static long copy(Path source, Path target, boolean replace) throws IOException {
    AtomicLong bytes = new AtomicLong();
    StandardCopyOption[] options = replace ? new StandardCopyOption[] {StandardCopyOption.REPLACE_EXISTING} : new StandardCopyOption[0];
    Files.walkFileTree(source, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) throws IOException {
        Files.createDirectories(target.resolve(source.relativize(directory).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
        if (attributes.isRegularFile()) {
          Files.copy(file, target.resolve(source.relativize(file).toString()), options);
          bytes.addAndGet(attributes.size());
        }
        return FileVisitResult.CONTINUE;
      }
    });
    return bytes.get();
  }

  /** Deletes a file or a tree; returns the number of files and directories removed. */
  static int delete(Path path) throws IOException {
    int[] removed = {0};
    Files.walkFileTree(path, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
        Files.delete(file);
        removed[0]++;
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
        if (failure != null) {
          throw failure;
        }
        Files.delete(directory);
        removed[0]++;
        return FileVisitResult.CONTINUE;
      }
    });
    return removed[0];
  }
}
