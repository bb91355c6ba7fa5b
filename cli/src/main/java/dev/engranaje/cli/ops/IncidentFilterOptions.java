package dev.engranaje.cli.ops;

import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.filter.IncidentFilter;
import java.time.OffsetDateTime;
import picocli.CommandLine.Option;

/** The incident filters shared by {@code rpa incidents} and {@code rpa retry --all}. */
public final class IncidentFilterOptions {
  @Option(names = "--process", paramLabel = "ID", description = "BPMN process id.")
  String processId;

  @Option(names = "--instance", paramLabel = "KEY", description = "Process instance key.")
  Long instanceKey;

  @Option(names = "--element", paramLabel = "ID", description = "BPMN element id.")
  String elementId;

  @Option(names = "--error-type", paramLabel = "TYPE",
      description = "JOB_NO_RETRIES, IO_MAPPING_ERROR, CONDITION_ERROR, EXTRACT_VALUE_ERROR, UNHANDLED_ERROR_EVENT, ...")
  IncidentErrorType errorType;

  @Option(names = "--state", paramLabel = "STATE", defaultValue = "ACTIVE",
      description = "active (default) or resolved.")
  IncidentState state;

  @Option(names = "--created-after", paramLabel = "TIME", converter = TimeConverter.class,
      description = "Created at or after TIME: " + Times.ACCEPTED + ".")
  OffsetDateTime createdAfter;

  @Option(names = "--created-before", paramLabel = "TIME", converter = TimeConverter.class,
      description = "Created at or before TIME.")
  OffsetDateTime createdBefore;

  /** Applies the options given to {@code filter}. */
  void apply(IncidentFilter filter) {
    if (processId != null) {
      filter.processDefinitionId(processId);
    }
    if (instanceKey != null) {
      filter.processInstanceKey(instanceKey);
    }
    if (elementId != null) {
      filter.elementId(elementId);
    }
    if (errorType != null) {
      filter.errorType(errorType);
    }
    if (state != null) {
      filter.state(state);
    }
    TimeRange created = new TimeRange(createdAfter, createdBefore);
    if (created.isSet()) {
      filter.creationTime(created.property());
    }
  }

  /** The filter in words, for the confirmation prompt ("state ACTIVE, process 'invoice'"). */
  String describe() {
    StringBuilder text = new StringBuilder("state " + state);
    if (processId != null) {
      text.append(", process '").append(processId).append('\'');
    }
    if (instanceKey != null) {
      text.append(", instance ").append(instanceKey);
    }
    if (elementId != null) {
      text.append(", element '").append(elementId).append('\'');
    }
    if (errorType != null) {
      text.append(", error type ").append(errorType);
    }
    if (createdAfter != null) {
      text.append(", created after ").append(createdAfter);
    }
    if (createdBefore != null) {
      text.append(", created before ").append(createdBefore);
    }
    return text.toString();
  }
}
