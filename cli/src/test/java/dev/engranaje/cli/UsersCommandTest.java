package dev.engranaje.cli;

import static dev.engranaje.cli.RpaRun.rpa;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.cli.RpaRun.Result;
import dev.engranaje.engine.api.rest.PasswordHash;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rpa users hash-password} and {@code rpa engine start --users}. */
class UsersCommandTest {

  @Test
  void shouldPrintAHashOfThePasswordReadFromStandardInput() throws Exception {
    // given
    UsersCommand.HashPassword command = new UsersCommand.HashPassword();
    command.console = null;
    command.in = new ByteArrayInputStream("s3cret pass\n".getBytes(StandardCharsets.UTF_8));
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    command.out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    // when
    int exit = command.call();

    // then
    String line = printed.toString(StandardCharsets.UTF_8).trim();
    assertThat(exit).isZero();
    assertThat(line).startsWith("pbkdf2-sha256$600000$").doesNotContain("s3cret");
    assertThat(PasswordHash.parse(line).matches("s3cret pass".toCharArray())).isTrue();
  }

  @Test
  void shouldRefuseToStartWithAUsersFileNamingAnUnknownRole(@TempDir Path dir) throws Exception {
    // given
    Path file = dir.resolve("users.yaml");
    Files.writeString(file, "users:\n  eve: { password: \"pbkdf2-sha256$1000$AAAA$AAAA\", roles: [root] }\n");

    // when
    Result result = rpa("engine", "start", "--in-memory", "--port", "0", "--users", file.toString());

    // then
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.err()).contains("users.yaml").contains("eve").contains("'root'").contains("viewer");
  }

  @Test
  void shouldOfferHashPasswordUnderUsers() {
    assertThat(rpa("users", "hash-password", "--help").out()).contains("standard input");
  }
}
