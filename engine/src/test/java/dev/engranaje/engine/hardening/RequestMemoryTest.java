package dev.engranaje.engine.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.api.rest.ServerLimits;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each body has its limit, and all bodies being read at once share one budget: clients that each
 * start a large body and trickle it cannot together hold more than {@code --max-request-memory};
 * the next one is answered 503 with Retry-After before anything is buffered for it, and once the
 * slow bodies are gone the engine serves normally again.
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
  void shouldAnswer503WhenBodiesBeingReadWouldExceedTheRequestMemory() throws Exception {
    // given three clients that each announce a full-size body and send only its first bytes
    List<Socket> slow = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Socket socket = target.connect();
      ServerUnderAttack.send(socket, ServerUnderAttack.post("/v2/messages/publication", "application/json", BODY)
          + "{\"name\":");
      slow.add(socket);
    }

    // when a fourth client sends a small complete request
    String answer = awaitRefusal();

    // then it is refused for now, naming the limit and its option, and told when to retry
    assertThat(answer).startsWith("HTTP/1.1 503").contains("Retry-After: 1")
        .contains("fit in " + 3 * BODY + " bytes (the request memory limit)")
        .contains(ServerLimits.MAX_BUFFERED_BODY_OPTION);

    // and when the slow clients go away, their memory is given back
    for (Socket socket : slow) {
      socket.close();
    }
    target.servesNormalInstance();
  }

  /** The three slow bodies are reserved as their headers arrive, which the test cannot observe directly. */
  private String awaitRefusal() throws Exception {
    String answer = "";
    for (int attempt = 0; attempt < 200 && !answer.startsWith("HTTP/1.1 503"); attempt++) {
      try (Socket socket = target.connect()) {
        ServerUnderAttack.send(socket, "POST /v2/messages/publication HTTP/1.1\r\nHost: localhost\r\n"
            + "Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
        answer = ServerUnderAttack.readAll(socket);
      }
      if (!answer.startsWith("HTTP/1.1 503")) {
        Thread.onSpinWait();
      }
    }
    return answer;
  }
}
