package dev.engranaje.engine.hardening;

import dev.engranaje.engine.testkit.TestEngine;
import io.camunda.client.api.response.DeploymentEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Not a test: measures how long a chain of N manual tasks takes to deploy through the client, and
 * how long instance creations of another process wait meanwhile (sent back to back while the
 * deployment runs). Run on a quiet machine:
 *
 * <pre>
 * mvn -q -o -pl engine test-compile
 * java -cp engine/target/test-classes:engine/target/classes:$(cat cp.txt) \
 *     dev.engranaje.engine.hardening.LargeDeploymentBenchmark 10000 20000
 * </pre>
 */
public final class LargeDeploymentBenchmark {
  private LargeDeploymentBenchmark() {}

  public static void main(String[] args) {
    try (TestEngine engine = TestEngine.inMemory()) {
      String small = TestEngine.uniqueProcessId();
      engine.deploy(TestEngine.serviceTaskProcess(small, small));
      engine.client().newDeployResourceCommand().addResourceBytes(ChainModels.chain("warm-up", 1_000), "w.bpmn")
          .send().join();
      for (String arg : args.length == 0 ? new String[] {"10000", "20000"} : args) {
        int tasks = Integer.parseInt(arg);
        String big = TestEngine.uniqueProcessId();
        byte[] chain = ChainModels.chain(big, tasks);
        long started = System.nanoTime();
        CompletableFuture<DeploymentEvent> deployment = engine.client().newDeployResourceCommand()
            .addResourceBytes(chain, big + ".bpmn").send().toCompletableFuture();
        List<Long> latencies = new ArrayList<>();
        while (!deployment.isDone()) {
          long sent = System.nanoTime();
          engine.createInstance(small, Map.of());
          latencies.add((System.nanoTime() - sent) / 1_000_000);
        }
        deployment.join();
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        Collections.sort(latencies);
        System.out.printf("%d tasks (%d bytes): deployed in %d ms; %d creates meanwhile, median %d ms, max %d ms%n",
            tasks, chain.length, tookMillis, latencies.size(),
            latencies.isEmpty() ? 0 : latencies.get(latencies.size() / 2),
            latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1));
      }
    }
  }
}
