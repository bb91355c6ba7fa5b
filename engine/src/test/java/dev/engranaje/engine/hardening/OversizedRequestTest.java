package dev.engranaje.engine.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.api.rest.ServerLimits;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Bodies over the limit are refused with 413 naming the limit and its option: a declared
 * Content-Length at once, without reading (or allocating) the body; a chunked body when the count
 * passes the limit. Headers over their limit get 431.
 */
class OversizedRequestTest {

  private final ServerUnderAttack target = new ServerUnderAttack(ServerLimits.DEFAULTS.withMaxRequestBodyBytes(64 * 1024));

  @AfterEach
  void stop() {
    target.close();
  }

  @Test
  void shouldRefuseAtOnceWithoutAllocatingWhenContentLengthIsOverTheLimit() throws Exception {
    // given
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    long heapBefore = runtime.totalMemory() - runtime.freeMemory();

    // when a client announces 500 MB and sends none of it
    String head;
    try (Socket socket = target.connect()) {
      ServerUnderAttack.send(socket, ServerUnderAttack.post("/v2/messages/publication", "application/json", 500_000_000L));
      head = ServerUnderAttack.readAll(socket);
    }

    // then the answer comes before any body byte, names the limit, and nothing was allocated for it
    assertThat(head).startsWith("HTTP/1.1 413");
    assertThat(head).contains("application/problem+json")
        .contains("at most 65536 bytes (the request body limit)")
        .contains("the request declares 500000000 bytes")
        .contains(ServerLimits.MAX_REQUEST_BODY_OPTION);
    long heapAfter = runtime.totalMemory() - runtime.freeMemory();
    assertThat(heapAfter - heapBefore).isLessThan(100_000_000L);
    target.servesNormalInstance();
  }

  @Test
  void shouldRefuseOversizedDeploymentNamingTheDeploymentLimit() throws Exception {
    // when
    String answer;
    try (Socket socket = target.connect()) {
      ServerUnderAttack.send(socket, ServerUnderAttack.post("/v2/deployments", "multipart/form-data; boundary=b",
          500_000_000L));
      answer = ServerUnderAttack.readAll(socket);
    }

    // then
    assertThat(answer).startsWith("HTTP/1.1 413").contains("(the deployment body limit)")
        .contains(ServerLimits.MAX_DEPLOYMENT_BODY_OPTION);
    target.servesNormalInstance();
  }

  @Test
  void shouldLetTheOfficialClientReadThe413WhileItIsStillSending() {
    // when the client sends a body four times the limit (it writes all of it before reading)
    io.camunda.client.api.command.ProblemException refused = org.assertj.core.api.Assertions.catchThrowableOfType(
        io.camunda.client.api.command.ProblemException.class,
        () -> target.client.newBroadcastSignalCommand().signalName("s".repeat(256 * 1024)).send().join());

    // then it gets the refusal, not a broken pipe
    assertThat(refused.code()).isEqualTo(413);
    assertThat(refused.details().getDetail()).contains("at most 65536 bytes (the request body limit)")
        .contains(ServerLimits.MAX_REQUEST_BODY_OPTION);
    target.servesNormalInstance();
  }

  @Test
  void shouldCutChunkedBodyAtTheLimit() throws Exception {
    // given a chunk of 16 KiB
    String chunk = "x".repeat(16 * 1024);

    // when a chunked body keeps coming past the limit
    String answer;
    try (Socket socket = target.connect()) {
      ServerUnderAttack.send(socket, "POST /v2/messages/publication HTTP/1.1\r\nHost: localhost\r\n"
          + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      try {
        for (int i = 0; i < 10; i++) {
          out.write((Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n").getBytes(StandardCharsets.US_ASCII));
          out.flush();
        }
      } catch (java.io.IOException closedByServer) {
        // the server may close before all chunks are written
      }
      answer = ServerUnderAttack.readAll(socket);
    }

    // then
    assertThat(answer).startsWith("HTTP/1.1 413").contains("but more was sent").contains(ServerLimits.MAX_REQUEST_BODY_OPTION);
    target.servesNormalInstance();
  }

  @Test
  void shouldAnswer431NamingTheLimitWhenHeadersAreTooLarge() throws Exception {
    // when
    String answer;
    try (Socket socket = target.connect()) {
      ServerUnderAttack.send(socket, "GET /v2/topology HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "y".repeat(20_000)
          + "\r\n\r\n");
      answer = ServerUnderAttack.readAll(socket);
    }

    // then
    assertThat(answer).startsWith("HTTP/1.1 431").contains("at most 8192 bytes (the header size limit)")
        .contains(ServerLimits.MAX_HEADER_SIZE_OPTION);
    target.servesNormalInstance();
  }
}
