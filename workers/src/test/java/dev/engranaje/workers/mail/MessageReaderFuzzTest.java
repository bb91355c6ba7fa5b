package dev.engranaje.workers.mail;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.engranaje.workers.fuzz.ByteMutations;
import dev.engranaje.workers.fuzz.Resources;
import dev.engranaje.workers.workspace.Workspace;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9's fuzzing of the mail message reader: real messages of the mail corpus mutated ({@link
 * ByteMutations}) and read as the fetch worker reads a downloaded message. Each is read (with
 * warnings where a part cannot be decoded) or fails with the {@link MessagingException} or {@link
 * IOException} the worker reports; never another exception type, never a hang.
 */
class MessageReaderFuzzTest {
  private static final Duration HANG = Duration.ofSeconds(30);
  private static final List<String> SEEDS = List.of("emil-broken-header.eml", "emil-filename_b64.eml",
      "emil-html-utf8-as-iso.eml", "emil-pgp-signed-attachment-no-disposition.eml", "mailparser-base64encodedroot.eml",
      "mailparser-mixed.eml", "mailparser-delivery-status.eml");

  @TempDir Path root;

  @TestFactory
  Stream<DynamicTest> shouldReadOrFailClearlyWhenAMessageIsMutated() {
    ByteMutations mutations = new ByteMutations(SEEDS.stream().map(name -> Resources.read("/mail/corpus/" + name)).toList(),
        ByteMutations.SEED);
    Workspace workspace = new Workspace(root.resolve("instance"), Map.of());
    MessageReader reader = new MessageReader(Session.getInstance(new Properties()), workspace);
    return IntStream.range(0, ByteMutations.tries(60)).mapToObj(i -> {
      ByteMutations.Mutant mutant = mutations.next();
      return DynamicTest.dynamicTest("message " + i + ": " + mutant.how(), () -> assertTimeoutPreemptively(HANG, () -> {
        Path directory = Files.createDirectories(workspace.directory().resolve("m" + i));
        Path eml = Files.write(directory.resolve("message.eml"), mutant.bytes());
        try {
          reader.read(eml, directory);
        } catch (MessagingException | IOException reported) {
          // what FetchMailWorker reports as the job's failure
        }
      }));
    });
  }
}
