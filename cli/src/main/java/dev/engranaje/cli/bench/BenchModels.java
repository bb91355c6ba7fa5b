package dev.engranaje.cli.bench;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.util.List;

/** The processes the bench deploys. */
final class BenchModels {
  static final String PIPELINE = "engranaje-bench-pipeline";
  static final List<String> PIPELINE_JOB_TYPES = List.of("bench-step-1", "bench-step-2", "bench-step-3");
  static final String WAITING = "engranaje-bench-waiting";
  static final String WAITING_JOB_TYPE = "bench-never-worked";
  static final String MESSAGE_CATCH = "engranaje-bench-message-catch";
  static final String MESSAGE_NAME = "bench-payment";
  static final String CORRELATION_VARIABLE = "orderId";

  private BenchModels() {}

  /** start -> 3 service tasks (one job type each) -> end. */
  static BpmnModelInstance pipeline() {
    return Bpmn.createExecutableProcess(PIPELINE).startEvent("start")
        .serviceTask("step-1", task -> task.zeebeJobType(PIPELINE_JOB_TYPES.get(0)))
        .serviceTask("step-2", task -> task.zeebeJobType(PIPELINE_JOB_TYPES.get(1)))
        .serviceTask("step-3", task -> task.zeebeJobType(PIPELINE_JOB_TYPES.get(2)))
        .endEvent("end").done();
  }

  /** start -> 1 service task that no worker serves, so instances stay active. */
  static BpmnModelInstance waiting() {
    return Bpmn.createExecutableProcess(WAITING).startEvent("start")
        .serviceTask("wait", task -> task.zeebeJobType(WAITING_JOB_TYPE))
        .endEvent("end").done();
  }

  /** start -> message catch event (correlation key {@code =orderId}) -> end. */
  static BpmnModelInstance messageCatch() {
    return Bpmn.createExecutableProcess(MESSAGE_CATCH).startEvent("start")
        .intermediateCatchEvent("paid", event -> event.message(message -> message.name(MESSAGE_NAME)
            .zeebeCorrelationKeyExpression(CORRELATION_VARIABLE)))
        .endEvent("end").done();
  }
}
