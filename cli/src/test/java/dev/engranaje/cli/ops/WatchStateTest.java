package dev.engranaje.cli.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.client.impl.search.response.IncidentImpl;
import io.camunda.client.impl.search.response.ProcessInstanceImpl;
import io.camunda.client.protocol.rest.IncidentErrorTypeEnum;
import io.camunda.client.protocol.rest.IncidentResult;
import io.camunda.client.protocol.rest.ProcessInstanceResult;
import io.camunda.client.protocol.rest.ProcessInstanceStateEnum;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatchStateTest {

  @Test
  void shouldReportNothingAtTheFirstPollButSummariseIt() {
    // given
    WatchState state = new WatchState();

    // when
    List<WatchState.Event> events = state.update(List.of(instance(1, true), instance(2, false)), List.of(incident(10, 1)));

    // then
    assertThat(events).isEmpty();
    assertThat(state.activeCount()).isEqualTo(2);
    assertThat(state.withIncident()).isEqualTo(1);
    assertThat(state.incidentCount()).isEqualTo(1);
  }

  @Test
  void shouldReportStartedEndedRaisedAndResolvedBetweenPolls() {
    // given
    WatchState state = new WatchState();
    state.update(List.of(instance(1, true), instance(2, false)), List.of(incident(10, 1)));

    // when instance 2 ended, 3 started, incident 10 was resolved and 11 raised on 3
    List<WatchState.Event> events = state.update(List.of(instance(1, false), instance(3, true)), List.of(incident(11, 3)));

    // then
    assertThat(events).extracting(WatchState.Event::kind, WatchState.Event::processInstanceKey).containsExactly(
        org.assertj.core.groups.Tuple.tuple(WatchState.Kind.STARTED, 3L),
        org.assertj.core.groups.Tuple.tuple(WatchState.Kind.ENDED, 2L),
        org.assertj.core.groups.Tuple.tuple(WatchState.Kind.INCIDENT, 3L),
        org.assertj.core.groups.Tuple.tuple(WatchState.Kind.RESOLVED, 1L));
    assertThat(events.get(2).detail()).isEqualTo("JOB_NO_RETRIES: failed 11");
    assertThat(events.get(2).elementId()).isEqualTo("charge");
  }

  private static ProcessInstance instance(long key, boolean incident) {
    ProcessInstanceResult result = new ProcessInstanceResult();
    result.setProcessInstanceKey(String.valueOf(key));
    result.setProcessDefinitionId("order");
    result.setProcessDefinitionKey("99");
    result.setProcessDefinitionVersion(1);
    result.setState(ProcessInstanceStateEnum.ACTIVE);
    result.setHasIncident(incident);
    return new ProcessInstanceImpl(result);
  }

  private static Incident incident(long key, long instanceKey) {
    IncidentResult result = new IncidentResult();
    result.setIncidentKey(String.valueOf(key));
    result.setProcessInstanceKey(String.valueOf(instanceKey));
    result.setProcessDefinitionId("order");
    result.setElementId("charge");
    result.setErrorType(IncidentErrorTypeEnum.JOB_NO_RETRIES);
    result.setErrorMessage("failed " + key);
    return new IncidentImpl(result);
  }
}
