package dev.engranaje.examples;

import dev.engranaje.workers.api.JobInfo;
import dev.engranaje.workers.runtime.JobObserver;
import dev.engranaje.workers.runtime.JobOutcome;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * What a demo prints while the robot works: one line per finished job, with the step's name from the
 * model. Because the engine keeps no variables of a completed instance, it also tells the demo when
 * the last step starts, so the summary can read the variables then.
 */
public final class DemoProgress implements JobObserver {
  private final PrintStream out;
  private final Map<String, String> names = new HashMap<>();
  private final String lastStep;
  private final LongConsumer atLastStep;

  /**
   * @param model the BPMN the demo deploys (for the steps' names)
   * @param lastStep the element id of the last service task
   * @param atLastStep called with the process instance key as that step starts
   */
  public DemoProgress(PrintStream out, byte[] model, String lastStep, LongConsumer atLastStep) {
    this.out = out;
    this.lastStep = lastStep;
    this.atLastStep = atLastStep;
    BpmnModelInstance instance = Bpmn.readModelFromStream(new ByteArrayInputStream(model));
    for (FlowNode node : instance.getModelElementsByType(FlowNode.class)) {
      names.put(node.getId(), node.getName() == null ? node.getId() : node.getName());
    }
  }

  /** The element's name in the model, or its id. */
  public String name(String elementId) {
    return names.getOrDefault(elementId, elementId);
  }

  @Override
  public void started(JobInfo job) {
    if (lastStep.equals(job.elementId())) {
      atLastStep.accept(job.processInstanceKey());
    }
  }

  @Override
  public void finished(JobInfo job, JobOutcome outcome, Duration duration) {
    String what = switch (outcome) {
      case COMPLETED -> "done";
      case BUSINESS_ERROR -> "business error (the model handles it)";
      case FAILED_WILL_RETRY -> "failed, will retry";
      case FAILED_INCIDENT -> "failed: incident";
      default -> outcome.tag();
    };
    out.printf("  robot    %-50s %s (%.1f s)%n", name(job.elementId()), what, duration.toMillis() / 1000.0);
  }
}
