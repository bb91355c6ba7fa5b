package dev.engranaje.workers.files;

import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.JobType;
import dev.engranaje.workers.api.JobWorker;
import dev.engranaje.workers.api.TechnicalFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * {@code rpa:files.zip:1}: packs workspace files and directories into a zip archive. A file becomes
 * an entry named after it; a directory adds its tree under its own name. The archive is written to a
 * temporary file and moved into place, so a failure never leaves half an archive. Symbolic links
 * are skipped. Errors: {@code FILE_NOT_FOUND}, {@code FILE_EXISTS}.
 */
@JobType("rpa:files.zip:1")
public final class CreateZipWorker implements JobWorker<CreateZipWorker.Input, CreateZipWorker.Zipped> {
  static final String DUPLICATE = "Expected distinct entry names in the archive, but '%s' comes twice; rename one of the sources";
  static final String NO_SOURCES = "Expected at least one reference in 'sources', but there is none";

  /**
   * @param sources files or directories to pack
   * @param target the archive's reference, e.g. {@code outbox:batch-2026-03.zip}
   * @param overwrite FAIL (default), REPLACE or SKIP when the archive exists
   */
  public record Input(List<String> sources, String target, OverwritePolicy overwrite) {
    public Input {
      sources = sources == null ? List.of() : List.copyOf(sources);
      overwrite = overwrite == null ? OverwritePolicy.FAIL : overwrite;
    }
  }

  /** The archive, its entry count and size in bytes. */
  public record Zipped(String path, int entries, long size, boolean skipped) {}

  @Override
  public Class<Input> inputType() {
    return Input.class;
  }

  @Override
  public Zipped handle(Input input, JobContext context) throws Exception {
    return context.once(context.idempotencyKey(), Zipped.class, () -> zip(input, context));
  }

  private static Zipped zip(Input input, JobContext context) throws Exception {
    if (input.sources().isEmpty()) {
      throw TechnicalFailure.permanent(NO_SOURCES);
    }
    List<Path> sources = new ArrayList<>();
    for (String source : input.sources()) {
      sources.add(Locations.existing(context.workspace(), source, "sources"));
    }
    Path target = context.workspace().resolveForWriting(input.target());
    if (!input.overwrite().proceed(target, input.target())) {
      return new Zipped(input.target(), 0, Files.size(target), true);
    }
    Path part = Files.createTempFile(target.getParent(), ".zip-", ".part");
    try {
      int entries;
      try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(part))) {
        entries = write(zip, sources);
      }
      Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return new Zipped(context.workspace().reference(target), entries, Files.size(target), false);
    } catch (IOException e) {
      throw TechnicalFailure.retryable("Expected to write the archive '" + input.target() + "', but " + e.getMessage(), e);
    } finally {
      Files.deleteIfExists(part);
    }
  }

  private static int write(ZipOutputStream zip, List<Path> sources) throws IOException, TechnicalFailure {
    Set<String> names = new HashSet<>();
    for (Path source : sources) {
      Path base = source.getParent();
      List<Path> files;
      try (Stream<Path> walk = Files.walk(source)) {
        files = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
      }
      for (Path file : files) {
        String name = base.relativize(file).toString().replace('\\', '/');
        if (!names.add(name)) {
          throw TechnicalFailure.permanent(String.format(DUPLICATE, name));
        }
        ZipEntry entry = new ZipEntry(name);
        entry.setLastModifiedTime(Files.getLastModifiedTime(file));
        zip.putNextEntry(entry);
        Files.copy(file, zip);
        zip.closeEntry();
      }
    }
    return names.size();
  }

}
