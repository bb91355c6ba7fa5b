package dev.engranaje.engine.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engranaje.engine.Engine;
import dev.engranaje.engine.EngineOptions;
import dev.engranaje.engine.testkit.TestEngine;
import io.camunda.client.CamundaClient;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One engine per data directory: a second one, in this JVM or another, fails at start naming the owner. */
class DataDirectoryLockTest {

  @TempDir
  Path dataDirectory;

  @Test
  void shouldRefuseASecondEngineWhenTheDataDirectoryIsHeldInTheSameProcess() {
    // given
    try (Engine first = Engine.start(options())) {
      // when / then
      assertThatThrownBy(() -> Engine.start(options()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("Expected to own the data directory '" + dataDirectory.toAbsolutePath().normalize()
              + "', but another engine (pid " + ProcessHandle.current().pid() + ", started "
              + lockStarted() + ") holds it; stop it or choose another --data-dir");
      assertThat(first.health().ready()).isTrue();
      try (CamundaClient client = TestEngine.newClient(first.restAddress())) {
        String processId = TestEngine.uniqueProcessId();
        client.newDeployResourceCommand().addProcessModel(TestEngine.serviceTaskProcess(processId, "t"), "p.bpmn")
            .send().join();
        client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send().join();
      }
    }
    // and once the first is closed, the directory can be owned again
    try (Engine again = Engine.start(options())) {
      assertThat(again.health().ready()).isTrue();
    }
  }

  @Test
  void shouldRefuseASecondEngineWhenAnotherProcessHoldsTheDataDirectory() {
    // given
    try (ChildEngine child = ChildEngine.start(dataDirectory)) {
      child.awaitReady();

      // when / then
      assertThatThrownBy(() -> Engine.start(options()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("Expected to own the data directory '" + dataDirectory.toAbsolutePath().normalize()
              + "', but another engine (pid " + child.pid() + ", started ")
          .hasMessageEndingWith(") holds it; stop it or choose another --data-dir");
    }
  }

  private String lockStarted() {
    try {
      return java.nio.file.Files.readAllLines(dataDirectory.resolve("engranaje.lock")).get(1).substring("started=".length());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private EngineOptions options() {
    return EngineOptions.builder().dataDirectory(dataDirectory).port(0).durableCommits(false).build();
  }
}
