package dev.engranaje.engine.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.api.rest.ServerLimits;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One connection serves request after request (HTTP/1.1 keep-alive); a garbled request is a problem, not a hang. */
class KeepAliveTest {

  private final ServerUnderAttack target = new ServerUnderAttack(ServerLimits.DEFAULTS);

  @AfterEach
  void stop() {
    target.close();
  }

  @Test
  void shouldServeSeveralRequestsOnOneConnection() throws Exception {
    try (Socket socket = target.connect()) {
      for (int i = 0; i < 3; i++) {
        // when
        ServerUnderAttack.send(socket, "GET /v2/topology HTTP/1.1\r\nHost: localhost\r\n\r\n");

        // then
        String head = ServerUnderAttack.readHead(socket);
        assertThat(head).startsWith("HTTP/1.1 200").doesNotContainIgnoringCase("Connection: close");
        int length = Integer.parseInt(head.replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
        InputStream in = socket.getInputStream();
        assertThat(new String(in.readNBytes(length), StandardCharsets.UTF_8)).contains("brokers");
      }
    }
  }

  @Test
  void shouldAnswerProblemWhenTheRequestLineIsGarbage() throws Exception {
    // when
    String answer;
    try (Socket socket = target.connect()) {
      ServerUnderAttack.send(socket, "\u0001\u0002 not http at all\r\n\r\n");
      answer = ServerUnderAttack.readAll(socket);
    }

    // then
    assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json")
        .contains("Expected a well-formed HTTP request");
    target.servesNormalInstance();
  }
}
