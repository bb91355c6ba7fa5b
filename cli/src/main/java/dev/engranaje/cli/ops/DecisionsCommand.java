package dev.engranaje.cli.ops;

import static dev.engranaje.cli.ops.Filters.ifSet;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.DecisionDefinition;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rpa decisions}: deployed DMN decisions; {@code rpa decisions evaluations}: their evaluations. */
@Command(name = "decisions", mixinStandardHelpOptions = true, sortOptions = false,
    subcommands = DecisionEvaluationsCommand.class,
    description = {"List deployed DMN decisions; 'rpa decisions evaluations' lists how they were evaluated.",
        "Exit codes: 0 listed, 1 bad arguments, 2 refused by the engine (or no decision search on it), 3 engine unreachable."})
public final class DecisionsCommand extends ListingCommand<DecisionDefinition> {
  static final List<Column<DecisionDefinition>> COLUMNS = List.of(
      Column.of("KEY", "decisionDefinitionKey", DecisionDefinition::getDecisionKey),
      Column.of("ID", "decisionDefinitionId", DecisionDefinition::getDmnDecisionId),
      Column.of("NAME", "name", DecisionDefinition::getDmnDecisionName),
      Column.of("VERSION", "version", DecisionDefinition::getVersion),
      Column.of("REQUIREMENTS", "decisionRequirementsId", DecisionDefinition::getDmnDecisionRequirementsId));

  @Option(names = "--id", paramLabel = "ID", description = "Decision id.")
  String decisionId;

  @Option(names = "--latest", description = "Only each decision's latest version.")
  boolean latest;

  public DecisionsCommand() {
    super("decisions", "decision definition search");
  }

  @Override
  List<Column<DecisionDefinition>> columns() {
    return COLUMNS;
  }

  @Override
  Pages.Request<DecisionDefinition> search(CamundaClient client) {
    return page -> client.newDecisionDefinitionSearchRequest().filter(filter -> {
      ifSet(decisionId, filter::decisionDefinitionId);
      if (latest) {
        filter.isLatestVersion(true);
      }
    }).page(page).send().join();
  }
}
