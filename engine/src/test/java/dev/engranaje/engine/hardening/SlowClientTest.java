package dev.engranaje.engine.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.api.rest.ServerLimits;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that trickle a body in cannot freeze the API: while they hold their connections every
 * other request is served, and each is cut off with 408 at the read timeout. No thread waits for
 * them (Jetty reads asynchronously).
 */
class SlowClientTest {

  private final ServerUnderAttack target =
      new ServerUnderAttack(ServerLimits.DEFAULTS.withReadTimeout(Duration.ofSeconds(2)));

  @AfterEach
  void stop() {
    target.close();
  }

  @Test
  void shouldAnswer408NamingTheIdleTimeoutWhenABodyStopsArriving() throws Exception {
    try (ServerUnderAttack idle = new ServerUnderAttack(ServerLimits.DEFAULTS.withIdleTimeout(Duration.ofSeconds(1)));
        Socket socket = idle.connect()) {
      // when a client sends half a body and then nothing
      ServerUnderAttack.send(socket, ServerUnderAttack.post("/v2/messages/publication", "application/json", 100) + "{");
      String answer = ServerUnderAttack.readAll(socket);

      // then
      assertThat(answer).startsWith("HTTP/1.1 408").contains("within 1000 ms (the idle timeout)")
          .contains(ServerLimits.IDLE_TIMEOUT_OPTION);
      idle.servesNormalInstance();
    }
  }

  @Test
  void shouldKeepALongPollOpenBeyondTheIdleTimeout() {
    try (ServerUnderAttack idle = new ServerUnderAttack(ServerLimits.DEFAULTS.withIdleTimeout(Duration.ofSeconds(1)))) {
      // when a worker long-polls three times as long as the idle timeout for a type with no jobs
      var jobs = idle.client.newActivateJobsCommand().jobType("nothing-here").maxJobsToActivate(1)
          .requestTimeout(Duration.ofSeconds(3)).send().join().getJobs();

      // then it is answered normally (empty) when its own timeout ends, not cut off
      assertThat(jobs).isEmpty();
      idle.servesNormalInstance();
    }
  }

  @Test
  void shouldServeOthersAndCutSlowClientsOffAtTheReadTimeout() throws Exception {
    // given more slow clients than the server has threads, each having sent one byte of its body
    List<Socket> slow = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Socket socket = target.connect();
      ServerUnderAttack.send(socket, ServerUnderAttack.post("/v2/messages/publication", "application/json", 1_000) + "{");
      slow.add(socket);
    }

    // when a normal worker uses the API meanwhile, then it is served
    target.servesNormalInstance();

    // then every slow client gets a 408 naming the timeout and its option
    for (Socket socket : slow) {
      try (socket) {
        ServerUnderAttack.send(socket, "\"");
        String answer = ServerUnderAttack.readAll(socket);
        assertThat(answer).startsWith("HTTP/1.1 408").contains("within 2000 ms (the read timeout)")
            .contains(ServerLimits.READ_TIMEOUT_OPTION);
      }
    }
    target.servesNormalInstance();
  }
}
