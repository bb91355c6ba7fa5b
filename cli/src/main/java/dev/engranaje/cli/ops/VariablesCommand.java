package dev.engranaje.cli.ops;

import static dev.engranaje.cli.ops.Filters.ifSet;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.Variable;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rpa variables}: variables of instances and scopes. */
@Command(name = "variables", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"List variables, filtered by instance, scope and name. Values are JSON; the table cuts long"
        + " ones (--full shows them whole, --json always does). Change one with 'rpa set-variable'.",
        "Exit codes: 0 listed, 1 bad arguments, 2 refused by the engine, 3 engine unreachable."})
public final class VariablesCommand extends ListingCommand<Variable> {
  private static final int VALUE_WIDTH = 60;

  @Option(names = "--instance", paramLabel = "KEY", description = "Process instance key.")
  Long instanceKey;

  @Option(names = "--scope", paramLabel = "KEY", description = "Scope: an element instance or process instance key.")
  Long scopeKey;

  @Option(names = "--name", paramLabel = "NAME", description = "Variable name.")
  String name;

  @Option(names = "--full", description = "Do not cut long values: in the table, and where the engine cut them"
      + " in its search results (isTruncated), fetch them whole.")
  boolean full;

  static List<Column<Variable>> columns(int valueWidth) {
    return List.of(
        Column.of("NAME", "name", Variable::getName),
        Column.wide("VALUE", "value", variable -> new RawJson(variable.getValue()), valueWidth),
        Column.of("SCOPE", "scopeKey", Variable::getScopeKey),
        Column.of("INSTANCE", "processInstanceKey", Variable::getProcessInstanceKey),
        Column.of("KEY", "variableKey", Variable::getVariableKey),
        Column.of("TRUNCATED", "isTruncated", Variable::isTruncated));
  }

  public VariablesCommand() {
    super("variables", "variable search");
  }

  @Override
  List<Column<Variable>> columns() {
    return columns(full ? Integer.MAX_VALUE : VALUE_WIDTH);
  }

  @Override
  Pages.Request<Variable> search(CamundaClient client) {
    return page -> client.newVariableSearchRequest().filter(filter -> {
      ifSet(instanceKey, filter::processInstanceKey);
      ifSet(scopeKey, filter::scopeKey);
      ifSet(name, filter::name);
    }).page(page).send().join();
  }

  @Override
  List<Variable> complete(CamundaClient client, List<Variable> rows) {
    return full ? FullValues.of(client, rows) : rows;
  }
}
