package dev.engranaje.workers.api;

import java.util.Map;

/**
 * What a worker may know about the job it handles. Keys are safe to log; headers are the task's
 * static {@code zeebe:taskHeaders}.
 */
public record JobInfo(
    long jobKey,
    String jobType,
    long processInstanceKey,
    String bpmnProcessId,
    String elementId,
    int retries,
    Map<String, String> headers) {

  public JobInfo {
    headers = Map.copyOf(headers);
  }
}
