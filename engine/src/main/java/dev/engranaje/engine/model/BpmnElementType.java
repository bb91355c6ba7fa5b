package dev.engranaje.engine.model;

/** Element kinds as Zeebe names them in records ({@code bpmnElementType}). */
public enum BpmnElementType {
  PROCESS,
  SUB_PROCESS,
  EVENT_SUB_PROCESS,
  CALL_ACTIVITY,
  START_EVENT,
  INTERMEDIATE_CATCH_EVENT,
  INTERMEDIATE_THROW_EVENT,
  BOUNDARY_EVENT,
  END_EVENT,
  SERVICE_TASK,
  SEND_TASK,
  RECEIVE_TASK,
  TASK,
  MANUAL_TASK,
  USER_TASK,
  SCRIPT_TASK,
  BUSINESS_RULE_TASK,
  EXCLUSIVE_GATEWAY,
  PARALLEL_GATEWAY,
  INCLUSIVE_GATEWAY,
  EVENT_BASED_GATEWAY,
  SEQUENCE_FLOW,
  MULTI_INSTANCE_BODY;

  /** Job-based tasks: the element waits for a worker. */
  public boolean isJobWorkerTask() {
    return this == SERVICE_TASK || this == SEND_TASK;
  }

  public boolean isContainer() {
    return this == PROCESS || this == SUB_PROCESS || this == EVENT_SUB_PROCESS;
  }
}
