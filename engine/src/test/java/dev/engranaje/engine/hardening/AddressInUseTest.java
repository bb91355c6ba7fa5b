package dev.engranaje.engine.hardening;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engranaje.engine.api.rest.RestServer;
import dev.engranaje.engine.testkit.TestEngine;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/** A second engine on a taken port says what is wrong and what to do. */
class AddressInUseTest {

  @Test
  void shouldSayAnotherEngineMayBeRunningWhenThePortIsTaken() {
    try (TestEngine engine = TestEngine.inMemory();
        RestServer first = RestServer.start(engine.engine().gateway(), "127.0.0.1", 0)) {
      // when / then
      assertThatThrownBy(() -> RestServer.start(engine.engine().gateway(), "127.0.0.1", first.port()))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessage("Expected to listen on 127.0.0.1:" + first.port() + ", but the address is already in use:"
              + " is another engine running? Choose another port with --port");
    }
  }
}
