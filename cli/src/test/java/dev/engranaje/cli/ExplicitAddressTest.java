package dev.engranaje.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.Engine;
import dev.engranaje.engine.EngineOptions;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code --address} on the command line wins over the client's environment variables: the
 * Camunda client applies {@code CAMUNDA_REST_ADDRESS} on top of what it is given unless told not to,
 * so a shell with the variable set for another cluster used to send the command there.
 */
class ExplicitAddressTest {

  @Test
  void shouldUseTheAddressOptionEvenWhenTheEnvironmentNamesAnotherEngine() throws Exception {
    try (Engine engine = Engine.start(EngineOptions.builder().inMemory().port(0).build())) {
      // given a shell whose CAMUNDA_REST_ADDRESS points at a port where nothing listens
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          Rpa.class.getName(), "processes", "--json", "--address", engine.restAddress().toString());
      builder.environment().put("CAMUNDA_REST_ADDRESS", "http://127.0.0.1:9");
      builder.environment().put("ZEEBE_REST_ADDRESS", "http://127.0.0.1:9");

      // when
      Process rpa = builder.redirectErrorStream(true).start();
      String output = new String(rpa.getInputStream().readAllBytes());
      boolean ended = rpa.waitFor(2, TimeUnit.MINUTES);

      // then
      assertThat(ended).isTrue();
      assertThat(rpa.exitValue()).as(output).isZero();
      assertThat(output).doesNotContain("127.0.0.1:9");
    }
  }
}
