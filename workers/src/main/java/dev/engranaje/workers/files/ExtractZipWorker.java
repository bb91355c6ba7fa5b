package dev.engranaje.workers.files;

import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.JobType;
import dev.engranaje.workers.api.JobWorker;
import dev.engranaje.workers.api.TechnicalFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * {@code rpa:files.unzip:1}: extracts a zip archive into a workspace or area directory, refusing
 * hostile archives with the {@value #UNSAFE} BPMN error before anything reaches the target: an entry
 * name that is absolute, has a drive letter or a {@code ..} segment (zip slip), more entries than
 * {@code maxEntries}, or more uncompressed bytes than {@code maxTotalBytes} (zip bomb; bytes are
 * counted as they are inflated, not taken from the archive's headers). Entries are extracted to a
 * staging directory beside the target and moved in only when the whole archive passed, so a refused
 * or broken archive leaves the target as it was. Errors: {@code FILE_NOT_FOUND}, {@code FILE_EXISTS},
 * {@value #UNSAFE}.
 */
@JobType("rpa:files.unzip:1")
public final class ExtractZipWorker implements JobWorker<ExtractZipWorker.Input, ExtractZipWorker.Extracted> {
  static final String UNSAFE = "UNSAFE_ARCHIVE";
  static final String UNSAFE_NAME =
      "Expected entry names inside the target directory, but '%s' in '%s' is absolute or climbs out with '..'; the archive is refused";
  static final String TOO_MANY = "Expected at most %d entries in '%s', but it has %d; raise maxEntries if the archive is trusted";
  static final String TOO_BIG =
      "Expected at most %d uncompressed bytes in '%s', but it inflates to more; raise maxTotalBytes if the archive is trusted";
  static final String UNREADABLE = "Expected a readable zip archive in '%s', but %s";
  static final int LISTED_FILES = 1000;

  /**
   * @param archive the zip file
   * @param directory where to extract (created when missing)
   * @param overwrite FAIL (default), REPLACE or SKIP for files that exist in the target
   * @param maxEntries default 10,000
   * @param maxTotalBytes default 1 GiB
   */
  public record Input(String archive, String directory, OverwritePolicy overwrite, Integer maxEntries, Long maxTotalBytes) {
    public Input {
      overwrite = overwrite == null ? OverwritePolicy.FAIL : overwrite;
      maxEntries = maxEntries == null ? 10_000 : maxEntries;
      maxTotalBytes = maxTotalBytes == null ? 1L << 30 : maxTotalBytes;
    }
  }

  /** The target directory, the extracted files (the first 1,000 references), their count and bytes. */
  public record Extracted(String directory, List<String> files, int count, long bytes) {}

  @Override
  public Class<Input> inputType() {
    return Input.class;
  }

  @Override
  public Extracted handle(Input input, JobContext context) throws Exception {
    return context.once(context.idempotencyKey(), Extracted.class, () -> extract(input, context));
  }

  private static Extracted extract(Input input, JobContext context) throws Exception {
    Path archive = Locations.existing(context.workspace(), input.archive(), "archive");
    Path target = Locations.directory(context.workspace(), input.directory());
    Files.createDirectories(target);
    Path staging = Files.createTempDirectory(target, ".unzip-");
    try {
      long bytes = inflate(archive, staging, input);
      List<Path> files;
      try (Stream<Path> walk = Files.walk(staging)) {
        files = walk.filter(Files::isRegularFile).sorted().toList();
      }
      for (Path file : files) {
        String relative = staging.relativize(file).toString();
        input.overwrite().proceed(target.resolve(relative), context.workspace().reference(target.resolve(relative)));
      }
      List<String> references = new ArrayList<>();
      for (Path file : files) {
        Path destination = target.resolve(staging.relativize(file).toString());
        if (input.overwrite().proceed(destination, destination.toString())) {
          Files.createDirectories(destination.getParent());
          Files.move(file, destination, StandardCopyOption.REPLACE_EXISTING);
          if (references.size() < LISTED_FILES) {
            references.add(context.workspace().reference(destination));
          }
        }
      }
      return new Extracted(context.workspace().reference(target), List.copyOf(references), files.size(), bytes);
    } finally {
      FileTrees.delete(staging);
    }
  }

  private static long inflate(Path archive, Path staging, Input input) throws IOException, BusinessError, TechnicalFailure {
    String name = archive.getFileName().toString();
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      if (zip.size() > input.maxEntries()) {
        throw new BusinessError(UNSAFE, String.format(TOO_MANY, input.maxEntries(), name, zip.size()));
      }
      List<? extends ZipEntry> entries = Collections.list((Enumeration<? extends ZipEntry>) zip.entries());
      for (ZipEntry entry : entries) {
        destination(staging, entry.getName(), name);
      }
      long total = 0;
      for (ZipEntry entry : entries) {
        Path destination = destination(staging, entry.getName(), name);
        if (entry.isDirectory()) {
          Files.createDirectories(destination);
          continue;
        }
        Files.createDirectories(destination.getParent());
        try (InputStream in = zip.getInputStream(entry); OutputStream out = Files.newOutputStream(destination)) {
          total = copyBounded(in, out, total, input.maxTotalBytes(), name);
        }
      }
      return total;
    } catch (ZipException broken) {
      throw TechnicalFailure.permanent(String.format(UNREADABLE, name, broken.getMessage()), broken);
    }
  }

  /** Where an entry goes; refuses names that are absolute, carry a drive letter or climb with "..". */
  static Path destination(Path staging, String entryName, String archiveName) throws BusinessError {
    String unified = entryName.replace('\\', '/');
    boolean absolute = unified.startsWith("/") || unified.contains(":") || unified.indexOf('\0') >= 0;
    boolean climbs = List.of(unified.split("/")).contains("..");
    Path destination = staging.resolve(unified).normalize();
    if (absolute || climbs || !destination.startsWith(staging) || destination.equals(staging)) {
      throw new BusinessError(UNSAFE, String.format(UNSAFE_NAME, entryName, archiveName));
    }
    return destination;
  }

  private static long copyBounded(InputStream in, OutputStream out, long total, long max, String name)
      throws IOException, BusinessError {
    byte[] buffer = new byte[16 * 1024];
    long sum = total;
    for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
      sum += read;
      if (sum > max) {
        throw new BusinessError(UNSAFE, String.format(TOO_BIG, max, name));
      }
      out.write(buffer, 0, read);
    }
    return sum;
  }
}
