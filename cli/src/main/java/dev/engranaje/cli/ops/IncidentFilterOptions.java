package dev.engranaje.cli.ops;

import static dev.engranaje.cli.ops.Filters.ifSet;

import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.filter.IncidentFilter;
import java.time.OffsetDateTime;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The incident filters shared by {@code rpa incidents} and {@code rpa retry --all}. */
public final class IncidentFilterOptions {
  @Mixin ScopeOptions scope;

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
    ifSet(scope.processId, filter::processDefinitionId);
    ifSet(scope.instanceKey, filter::processInstanceKey);
    ifSet(scope.elementId, filter::elementId);
    ifSet(errorType, filter::errorType);
    ifSet(state, filter::state);
    TimeRange created = new TimeRange(createdAfter, createdBefore);
    if (created.isSet()) {
      filter.creationTime(created.property());
    }
  }

  /** The filter in words, for the confirmation prompt ("state ACTIVE, process 'invoice'"). */
  String describe() {
    StringBuilder text = new StringBuilder("state " + state);
    if (scope.processId != null) {
      text.append(", process '").append(scope.processId).append('\'');
    }
    if (scope.instanceKey != null) {
      text.append(", instance ").append(scope.instanceKey);
    }
    if (scope.elementId != null) {
      text.append(", element '").append(scope.elementId).append('\'');
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
