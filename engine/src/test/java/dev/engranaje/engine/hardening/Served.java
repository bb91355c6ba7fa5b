package dev.engranaje.engine.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.testkit.TestEngine;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;

/** Checks that an engine still serves a normal instance end to end, through the official client. */
final class Served {
  private Served() {}

  static void assertServesNormalInstance(TestEngine engine) {
    String processId = TestEngine.uniqueProcessId();
    String jobType = processId + "-work";
    engine.deploy(TestEngine.serviceTaskProcess(processId, jobType));
    long instance = engine.createInstance(processId, Map.of("x", 1));
    ActivatedJob job = engine.activateJob(jobType);
    assertThat(job.getVariablesAsMap()).containsEntry("x", 1);
    engine.client().newCompleteCommand(job.getKey()).variables(Map.of("y", 2)).send().join();
    engine.awaitCompleted(instance);
  }
}
