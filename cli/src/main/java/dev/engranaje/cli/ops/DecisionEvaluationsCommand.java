package dev.engranaje.cli.ops;

import static dev.engranaje.cli.ops.Filters.ifSet;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.DecisionInstance;
import io.camunda.client.api.search.response.DecisionInstanceState;
import java.time.OffsetDateTime;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rpa decisions evaluations}: decision instances, filtered. */
@Command(name = "evaluations", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"List decision evaluations (decision instances), newest first, with their result.",
        "Exit codes: 0 listed, 1 bad arguments, 2 refused by the engine (or no decision instance search on it),"
            + " 3 engine unreachable."})
public final class DecisionEvaluationsCommand extends ListingCommand<DecisionInstance> {
  static final List<Column<DecisionInstance>> COLUMNS = List.of(
      Column.of("ID", "decisionInstanceId", DecisionInstance::getDecisionInstanceId),
      Column.of("DECISION", "decisionDefinitionId", DecisionInstance::getDecisionDefinitionId),
      Column.of("VERSION", "decisionDefinitionVersion", DecisionInstance::getDecisionDefinitionVersion),
      Column.of("STATE", "state", DecisionInstance::getState),
      Column.of("EVALUATED", "evaluationDate", DecisionInstance::getEvaluationDate),
      Column.of("INSTANCE", "processInstanceKey", DecisionInstance::getProcessInstanceKey),
      Column.wide("RESULT", "result", d -> new RawJson(d.getResult()), 50),
      Column.wide("FAILURE", "evaluationFailure", DecisionInstance::getEvaluationFailure, 50));

  @Option(names = "--decision", paramLabel = "ID", description = "Decision id.")
  String decisionId;

  @Option(names = "--instance", paramLabel = "KEY", description = "Process instance key.")
  Long instanceKey;

  @Option(names = "--state", paramLabel = "STATE", description = "evaluated or failed.")
  DecisionInstanceState state;

  @Option(names = "--evaluated-after", paramLabel = "TIME", converter = TimeConverter.class,
      description = "Evaluated at or after TIME: " + Times.ACCEPTED + ".")
  OffsetDateTime evaluatedAfter;

  @Option(names = "--evaluated-before", paramLabel = "TIME", converter = TimeConverter.class,
      description = "Evaluated at or before TIME.")
  OffsetDateTime evaluatedBefore;

  public DecisionEvaluationsCommand() {
    super("decision evaluations", "decision instance search");
  }

  @Override
  List<Column<DecisionInstance>> columns() {
    return COLUMNS;
  }

  @Override
  Pages.Request<DecisionInstance> search(CamundaClient client) {
    TimeRange evaluated = new TimeRange(evaluatedAfter, evaluatedBefore);
    return page -> client.newDecisionInstanceSearchRequest().filter(filter -> {
      ifSet(decisionId, filter::decisionDefinitionId);
      ifSet(instanceKey, filter::processInstanceKey);
      ifSet(state, filter::state);
      if (evaluated.isSet()) {
        filter.evaluationDate(evaluated.property());
      }
    }).sort(sort -> sort.evaluationDate().desc()).page(page).send().join();
  }
}
