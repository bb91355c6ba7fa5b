package dev.engranaje.examples;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.UserTask;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.concurrent.locks.LockSupport;

/** How a demo follows its instance: until it ends, stops at an incident, and hands each new user task to its demo person. */
public final class DemoInstance {
  private DemoInstance() {}

  /**
   * Polls the instance until it is no longer active, it has an incident (each added to {@code
   * problems}) or {@code deadline} passes (added too); every user task that opens is given to
   * {@code person} once.
   *
   * @return the instance's state when the wait ended
   */
  public static ProcessInstanceState awaitEnd(CamundaClient client, long key, Duration deadline, List<String> problems,
      Consumer<UserTask> person) {
    long end = System.nanoTime() + deadline.toNanos();
    Set<Long> handed = new HashSet<>();
    while (System.nanoTime() < end) {
      ProcessInstanceState state = client.newProcessInstanceGetRequest(key).send().join().getState();
      if (state != ProcessInstanceState.ACTIVE) {
        return state;
      }
      List<Incident> incidents = client.newIncidentSearchRequest().filter(f -> f.processInstanceKey(key)).send().join().items();
      if (!incidents.isEmpty()) {
        for (Incident incident : incidents) {
          problems.add("Incident at '" + incident.getElementId() + "': " + incident.getErrorMessage());
        }
        return state;
      }
      for (UserTask task : client.newUserTaskSearchRequest().filter(f -> f.processInstanceKey(key)).send().join().items()) {
        if (task.getState() == UserTaskState.CREATED && handed.add(task.getUserTaskKey())) {
          person.accept(task);
        }
      }
      LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
    }
    problems.add("Expected instance " + key + " to end within " + deadline + ", but it is still running");
    return ProcessInstanceState.ACTIVE;
  }
}
