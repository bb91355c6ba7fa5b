package dev.engranaje.engine.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.api.rest.ServerLimits;
import dev.engranaje.engine.testkit.TestEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each body has its limit, and all bodies being read at once share one budget: clients that each
 * start a large body and trickle it cannot together hold more than {@code --max-request-memory};
 * the one that does not fit is answered 503 with Retry-After before anything is buffered for it,
 * and once the slow bodies are gone the engine serves normally again.
 */
class RequestMemoryTest {
  private static final int BODY = 64 * 1024;

  private final ServerUnderAttack target = new ServerUnderAttack(ServerLimits.DEFAULTS
      .withMaxRequestBodyBytes(BODY).withMaxDeploymentBodyBytes(BODY).withMaxBufferedBodyBytes(3L * BODY));

  @AfterEach
  void stop() {
    target.close();
  }

  @Test
  void shouldAnswer503ToTheBodyThatDoesNotFitInTheRequestMemory() throws Exception {
    // given four clients that each announce a full-size body and send only its first bytes,
    // where the memory holds three such bodies
    List<Socket> slow = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Socket socket = target.connect();
      ServerUnderAttack.send(socket, ServerUnderAttack.post("/v2/messages/publication", "application/json", BODY)
          + "{\"name\":");
      slow.add(socket);
    }

    // when the engine has answered one of them
    TestEngine.await("one of the four slow clients is answered", Duration.ofSeconds(30),
        () -> slow.stream().anyMatch(RequestMemoryTest::hasAnswer));

    // then exactly that one is refused for now, naming the limit and its option, and told when to retry
    List<Socket> answered = slow.stream().filter(RequestMemoryTest::hasAnswer).toList();
    assertThat(answered).hasSize(1);
    String head = ServerUnderAttack.readHead(answered.get(0));
    assertThat(head).startsWith("HTTP/1.1 503").contains("Retry-After: 1");
    assertThat(new String(answered.get(0).getInputStream().readNBytes(300)))
        .contains("fit in " + 3 * BODY + " bytes (the request memory limit)")
        .contains(ServerLimits.MAX_BUFFERED_BODY_OPTION);

    // and when the slow clients go away, their memory is given back
    for (Socket socket : slow) {
      socket.close();
    }
    TestEngine.await("the memory of the closed clients is given back", Duration.ofSeconds(30),
        () -> !smallRequest().startsWith("HTTP/1.1 503"));
    target.servesNormalInstance();
  }

  private String smallRequest() {
    try (Socket socket = target.connect()) {
      ServerUnderAttack.send(socket, "POST /v2/messages/publication HTTP/1.1\r\nHost: localhost\r\n"
          + "Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
      return ServerUnderAttack.readAll(socket);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean hasAnswer(Socket socket) {
    try {
      return socket.getInputStream().available() > 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
