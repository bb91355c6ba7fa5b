package dev.engranaje.engine.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.api.rest.ApiAccess;
import dev.engranaje.engine.api.rest.RestServer;
import dev.engranaje.engine.api.rest.ServerLimits;
import dev.engranaje.engine.gateway.EngineGateway;
import dev.engranaje.engine.testkit.TestEngine;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * An embedded engine behind a REST server with chosen limits, the official client on it, raw
 * sockets for hostile clients, and a record of every job activation the server passed to the
 * engine (so a test knows when a long poll reached it, and when it was released).
 */
final class ServerUnderAttack implements AutoCloseable {

  final TestEngine engine = TestEngine.inMemory();
  final List<CompletableFuture<?>> activations = new CopyOnWriteArrayList<>();
  final RestServer server;
  final CamundaClient client;

  ServerUnderAttack(ServerLimits limits) {
    this(limits, ApiAccess.OPEN, "127.0.0.1");
  }

  ServerUnderAttack(ServerLimits limits, ApiAccess access, String host) {
    EngineGateway gateway = engine.engine().gateway();
    InvocationHandler observe = (proxy, method, args) -> {
      try {
        Object result = method.invoke(gateway, args);
        if (method.getName().equals("activateJobs")) {
          activations.add((CompletableFuture<?>) result);
        }
        return result;
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    EngineGateway observed = (EngineGateway) Proxy.newProxyInstance(EngineGateway.class.getClassLoader(),
        new Class<?>[] {EngineGateway.class}, observe);
    server = RestServer.start(observed, host, 0, limits, access);
    client = TestEngine.newClient(server.address());
  }

  /** A raw connection to the server. */
  Socket connect() throws IOException {
    Socket socket = new Socket(server.address().getHost(), server.port());
    socket.setSoTimeout(30_000);
    return socket;
  }

  static void send(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** The status line and headers of the response, without the body. */
  static String readHead(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    StringBuilder head = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0) {
      head.append((char) c);
      if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
        break;
      }
    }
    return head.toString();
  }

  /** Everything the server sends until it closes the connection. */
  static String readAll(Socket socket) throws IOException {
    return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  static String post(String path, String contentType, long contentLength) {
    return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType
        + "\r\nContent-Length: " + contentLength + "\r\n\r\n";
  }

  /** Open file descriptors of this JVM (Linux), or -1 where /proc is not available. */
  static long openFileDescriptors() {
    Path fds = Path.of("/proc/self/fd");
    if (!Files.isDirectory(fds)) {
      return -1;
    }
    try (Stream<Path> list = Files.list(fds)) {
      return list.count();
    } catch (IOException e) {
      return -1;
    }
  }

  /**
   * A normal instance right after an attack: deploy, create, a worker completes its job, the
   * instance completes.
   */
  void servesNormalInstance() {
    String processId = TestEngine.uniqueProcessId();
    String type = processId + "-work";
    client.newDeployResourceCommand().addProcessModel(TestEngine.serviceTaskProcess(processId, type), "normal.bpmn")
        .send().join();
    long instance = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send().join()
        .getProcessInstanceKey();
    List<ActivatedJob> jobs = client.newActivateJobsCommand().jobType(type).maxJobsToActivate(1)
        .requestTimeout(Duration.ofSeconds(10)).send().join().getJobs();
    assertThat(jobs).as("jobs for the normal instance").hasSize(1);
    client.newCompleteCommand(jobs.get(0).getKey()).variables(Map.of("done", true)).send().join();
    engine.awaitCompleted(instance);
    assertThat(client.newTopologyRequest().send().join().getBrokers()).isNotEmpty();
  }

  @Override
  public void close() {
    client.close();
    server.close();
    engine.close();
  }
}
