package dev.engranaje.workers.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.TechnicalFailure;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileWorkersTest {
  private static final String FOX_SHA256 = "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592";

  @TempDir Path directory;
  private FilesFixture files;

  @BeforeEach
  void start() throws Exception {
    files = new FilesFixture(directory);
  }

  @AfterEach
  void stop() {
    files.close();
  }

  private Path copyFox(String relative) throws Exception {
    Path target = files.workspace.resolve(relative);
    Files.createDirectories(target.getParent());
    try (InputStream in = getClass().getResourceAsStream("/files/quick-brown-fox.txt")) {
      Files.copy(in, target);
    }
    return target;
  }

  @Test
  void shouldListMatchingFilesWithSizesWhenGlobbingRecursively() throws Exception {
    files.write(files.inbox, "2026-03/a.csv", "id\n1\n");
    files.write(files.inbox, "2026-03/b.txt", "x");
    files.write(files.inbox, "top.csv", "id\n");

    ListFilesWorker.Listing byName = new ListFilesWorker().handle(
        new ListFilesWorker.Input("inbox:", "*.csv", true, false, null), files.job("rpa:files.list:1", 1));
    ListFilesWorker.Listing topOnly = new ListFilesWorker().handle(
        new ListFilesWorker.Input("inbox:", "*.csv", false, false, null), files.job("rpa:files.list:1", 2));
    ListFilesWorker.Listing byPath = new ListFilesWorker().handle(
        new ListFilesWorker.Input("inbox:", "2026-*/*", true, false, 1), files.job("rpa:files.list:1", 3));

    assertThat(byName.files()).extracting(ListFilesWorker.Entry::path).containsExactly("inbox:2026-03/a.csv", "inbox:top.csv");
    assertThat(byName.files().get(0).size()).isEqualTo(5);
    assertThat(byName.files().get(0).modified()).isNotNull();
    assertThat(topOnly.files()).extracting(ListFilesWorker.Entry::name).containsExactly("top.csv");
    assertThat(byPath.count()).isEqualTo(1);
    assertThat(byPath.truncated()).isTrue();
  }

  @Test
  void shouldRefuseReferencesOutsideTheWorkspaceWhenTraversing() {
    assertThatThrownBy(() -> new ListFilesWorker().handle(new ListFilesWorker.Input("../..", null, null, null, null),
        files.job("rpa:files.list:1", 1))).isInstanceOf(TechnicalFailure.class).hasMessageContaining("points outside it");
    assertThatThrownBy(() -> new ComputeChecksumWorker().handle(new ComputeChecksumWorker.Input("/etc/passwd", null, null),
        files.job("rpa:files.checksum:1", 2))).isInstanceOf(TechnicalFailure.class).hasMessageContaining("points outside it");
    assertThatThrownBy(() -> new CopyFileWorker().handle(new CopyFileWorker.Input("inbox:../../x", "copy", null),
        files.job("rpa:files.copy:1", 3))).isInstanceOf(TechnicalFailure.class).hasMessageContaining("points outside it");
  }

  @Test
  void shouldComputeKnownDigestsWhenHashingTheFixture() throws Exception {
    copyFox("fox.txt");
    ComputeChecksumWorker worker = new ComputeChecksumWorker();

    ComputeChecksumWorker.Checksum sha256 = worker.handle(new ComputeChecksumWorker.Input("fox.txt", null, FOX_SHA256.toUpperCase()),
        files.job("rpa:files.checksum:1", 1));
    ComputeChecksumWorker.Checksum md5 = worker.handle(new ComputeChecksumWorker.Input("fox.txt", "md5", null),
        files.job("rpa:files.checksum:1", 2));
    ComputeChecksumWorker.Checksum sha1 = worker.handle(new ComputeChecksumWorker.Input("fox.txt", "SHA-1", null),
        files.job("rpa:files.checksum:1", 3));

    assertThat(sha256.checksum()).isEqualTo(FOX_SHA256);
    assertThat(sha256.size()).isEqualTo(43);
    assertThat(md5.checksum()).isEqualTo("9e107d9d372bb6826bd81d3542a419d6");
    assertThat(sha1.checksum()).isEqualTo("2fd4e1c67a2d28fced849ee1bb76e7391b93eb12");
  }

  @Test
  void shouldThrowChecksumMismatchWhenTheExpectedDigestDiffers() throws Exception {
    copyFox("fox.txt");

    BusinessError mismatch = catchThrowableOfType(BusinessError.class, () -> new ComputeChecksumWorker().handle(
        new ComputeChecksumWorker.Input("fox.txt", null, "00ff"), files.job("rpa:files.checksum:1", 1)));

    assertThat(mismatch.code()).isEqualTo("CHECKSUM_MISMATCH");
    assertThat(mismatch.getMessage()).isEqualTo(String.format(ComputeChecksumWorker.MISMATCH, "SHA-256", "fox.txt", "00ff", FOX_SHA256));
    assertThatThrownBy(() -> new ComputeChecksumWorker().handle(new ComputeChecksumWorker.Input("fox.txt", "crc32", null),
        files.job("rpa:files.checksum:1", 2))).hasMessageStartingWith("Expected 'algorithm' to be one of");
  }

  @Test
  void shouldMoveOnceWhenTheJobIsDeliveredAgain() throws Exception {
    files.write(files.inbox, "statement.xml", "<Document/>");
    MoveFileWorker.Input input = new MoveFileWorker.Input("inbox:statement.xml", "statements/", null);

    MoveFileWorker.Moved moved = new MoveFileWorker().handle(input, files.job("rpa:files.move:1", 7));
    MoveFileWorker.Moved again = new MoveFileWorker().handle(input, files.job("rpa:files.move:1", 7));

    assertThat(moved).isEqualTo(again).isEqualTo(new MoveFileWorker.Moved("statements/statement.xml", false));
    assertThat(files.workspace.resolve("statements/statement.xml")).hasContent("<Document/>");
    assertThat(files.inbox.resolve("statement.xml")).doesNotExist();
  }

  @Test
  void shouldApplyTheOverwritePolicyWhenTheTargetExists() throws Exception {
    files.write(files.workspace, "report.csv", "new");
    files.write(files.workspace, "out/report.csv", "old");

    BusinessError exists = catchThrowableOfType(BusinessError.class, () -> new CopyFileWorker().handle(
        new CopyFileWorker.Input("report.csv", "out/report.csv", null), files.job("rpa:files.copy:1", 1)));
    CopyFileWorker.Copied skipped = new CopyFileWorker().handle(
        new CopyFileWorker.Input("report.csv", "out/report.csv", OverwritePolicy.SKIP), files.job("rpa:files.copy:1", 2));
    assertThat(files.workspace.resolve("out/report.csv")).hasContent("old");
    CopyFileWorker.Copied replaced = new CopyFileWorker().handle(
        new CopyFileWorker.Input("report.csv", "out/report.csv", OverwritePolicy.REPLACE), files.job("rpa:files.copy:1", 3));

    assertThat(exists.code()).isEqualTo("FILE_EXISTS");
    assertThat(exists.getMessage()).isEqualTo(String.format(OverwritePolicy.EXISTS, "out/report.csv"));
    assertThat(skipped.skipped()).isTrue();
    assertThat(replaced.bytes()).isEqualTo(3);
    assertThat(files.workspace.resolve("out/report.csv")).hasContent("new");
  }

  @Test
  void shouldDeleteTreesOnlyWhenRecursiveAndToleratesMissingFiles() throws Exception {
    files.write(files.workspace, "tmp/a/b.txt", "b");
    DeleteFileWorker worker = new DeleteFileWorker();

    assertThatThrownBy(() -> worker.handle(new DeleteFileWorker.Input("tmp", null, null), files.job("rpa:files.delete:1", 1)))
        .hasMessage(String.format(DeleteFileWorker.NOT_EMPTY, "tmp"));
    DeleteFileWorker.Deleted deleted = worker.handle(new DeleteFileWorker.Input("tmp", true, null), files.job("rpa:files.delete:1", 2));
    DeleteFileWorker.Deleted missing = worker.handle(new DeleteFileWorker.Input("tmp", true, null), files.job("rpa:files.delete:1", 3));
    BusinessError notFound = catchThrowableOfType(BusinessError.class,
        () -> worker.handle(new DeleteFileWorker.Input("tmp", true, false), files.job("rpa:files.delete:1", 4)));

    assertThat(deleted.deleted()).isEqualTo(3);
    assertThat(files.workspace.resolve("tmp")).doesNotExist();
    assertThat(missing.deleted()).isZero();
    assertThat(notFound.code()).isEqualTo("FILE_NOT_FOUND");
  }

  @Test
  void shouldRoundTripFilesWhenZippingAndUnzipping() throws Exception {
    files.write(files.workspace, "batch/one.csv", "1");
    files.write(files.workspace, "batch/sub/two.csv", "22");
    copyFox("fox.txt");

    CreateZipWorker.Zipped zipped = new CreateZipWorker().handle(
        new CreateZipWorker.Input(List.of("batch", "fox.txt"), "inbox:out/batch.zip", null), files.job("rpa:files.zip:1", 1));
    ExtractZipWorker.Extracted extracted = new ExtractZipWorker().handle(
        new ExtractZipWorker.Input("inbox:out/batch.zip", "unpacked", null, null, null), files.job("rpa:files.unzip:1", 2));

    assertThat(zipped.path()).isEqualTo("inbox:out/batch.zip");
    assertThat(zipped.entries()).isEqualTo(3);
    assertThat(extracted.files()).containsExactly("unpacked/batch/one.csv", "unpacked/batch/sub/two.csv", "unpacked/fox.txt");
    assertThat(extracted.bytes()).isEqualTo(1 + 2 + 43);
    assertThat(files.workspace.resolve("unpacked/batch/sub/two.csv")).hasContent("22");
    assertThat(Files.list(files.workspace.resolve("unpacked"))).extracting(p -> p.getFileName().toString())
        .noneMatch(name -> name.startsWith(".unzip-"));
  }

  @Test
  void shouldRefuseAZipSlipArchiveWithoutWritingAnything() throws Exception {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("fine.txt", "ok".getBytes(StandardCharsets.UTF_8));
    entries.put("../../escaped.txt", "pwned".getBytes(StandardCharsets.UTF_8));
    FilesFixture.zip(files.inbox.resolve("slip.zip"), entries);
    FilesFixture.zip(files.inbox.resolve("absolute.zip"), Map.of("/tmp/absolute.txt", new byte[] {1}));
    FilesFixture.zip(files.inbox.resolve("drive.zip"), Map.of("C:\\Windows\\evil.dll", new byte[] {1}));

    BusinessError slip = catchThrowableOfType(BusinessError.class, () -> new ExtractZipWorker().handle(
        new ExtractZipWorker.Input("inbox:slip.zip", "unpacked", null, null, null), files.job("rpa:files.unzip:1", 1)));
    BusinessError absolute = catchThrowableOfType(BusinessError.class, () -> new ExtractZipWorker().handle(
        new ExtractZipWorker.Input("inbox:absolute.zip", "unpacked", null, null, null), files.job("rpa:files.unzip:1", 2)));
    BusinessError drive = catchThrowableOfType(BusinessError.class, () -> new ExtractZipWorker().handle(
        new ExtractZipWorker.Input("inbox:drive.zip", "unpacked", null, null, null), files.job("rpa:files.unzip:1", 3)));

    assertThat(slip.code()).isEqualTo("UNSAFE_ARCHIVE");
    assertThat(slip.getMessage()).isEqualTo(String.format(ExtractZipWorker.UNSAFE_NAME, "../../escaped.txt", "slip.zip"));
    assertThat(absolute.code()).isEqualTo("UNSAFE_ARCHIVE");
    assertThat(drive.code()).isEqualTo("UNSAFE_ARCHIVE");
    assertThat(directory.resolve("escaped.txt")).doesNotExist();
    assertThat(directory.resolve("ws/escaped.txt")).doesNotExist();
    try (var left = Files.list(files.workspace.resolve("unpacked"))) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void shouldRefuseAZipBombWhenItInflatesBeyondTheLimits() throws Exception {
    FilesFixture.zip(files.inbox.resolve("bomb.zip"), Map.of("zeros.bin", new byte[3 * 1024 * 1024]));
    Map<String, byte[]> many = new LinkedHashMap<>();
    for (int i = 0; i < 20; i++) {
      many.put("f" + i + ".txt", new byte[] {'x'});
    }
    FilesFixture.zip(files.inbox.resolve("many.zip"), many);

    BusinessError bomb = catchThrowableOfType(BusinessError.class, () -> new ExtractZipWorker().handle(
        new ExtractZipWorker.Input("inbox:bomb.zip", "unpacked", null, null, 1024L * 1024), files.job("rpa:files.unzip:1", 1)));
    BusinessError tooMany = catchThrowableOfType(BusinessError.class, () -> new ExtractZipWorker().handle(
        new ExtractZipWorker.Input("inbox:many.zip", "unpacked", null, 10, null), files.job("rpa:files.unzip:1", 2)));

    assertThat(Files.size(files.inbox.resolve("bomb.zip"))).isLessThan(64 * 1024);
    assertThat(bomb.code()).isEqualTo("UNSAFE_ARCHIVE");
    assertThat(bomb.getMessage()).isEqualTo(String.format(ExtractZipWorker.TOO_BIG, 1024L * 1024, "bomb.zip"));
    assertThat(tooMany.getMessage()).isEqualTo(String.format(ExtractZipWorker.TOO_MANY, 10, "many.zip", 20));
    try (var left = Files.list(files.workspace.resolve("unpacked"))) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void shouldFailPermanentlyWhenTheArchiveIsNotAZip() throws Exception {
    files.write(files.inbox, "fake.zip", "this is not a zip");

    TechnicalFailure failure = catchThrowableOfType(TechnicalFailure.class, () -> new ExtractZipWorker().handle(
        new ExtractZipWorker.Input("inbox:fake.zip", "unpacked", null, null, null), files.job("rpa:files.unzip:1", 1)));

    assertThat(failure.isRetryable()).isFalse();
    assertThat(failure.getMessage()).startsWith("Expected a readable zip archive in 'fake.zip', but");
  }
}
