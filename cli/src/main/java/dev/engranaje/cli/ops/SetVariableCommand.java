package dev.engranaje.cli.ops;

import dev.engranaje.cli.UserError;
import dev.engranaje.cli.VariableArguments;
import io.camunda.client.CamundaClient;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rpa set-variable SCOPE_KEY NAME=VALUE...}: set variables on an instance or element scope. */
@Command(name = "set-variable", mixinStandardHelpOptions = true,
    description = {"Set variables on a process instance or an element instance (its key is the scope), e.g. to fix"
        + " the input an incident complained about before 'rpa retry'. VALUE is JSON when it parses, else text.",
        "By default a variable is set where it already exists up the scopes (as the engine propagates);"
            + " --local keeps it in the scope given.",
        "Exit codes: 0 set, 1 bad arguments, 2 refused by the engine (e.g. the scope ended), 3 engine unreachable."})
public final class SetVariableCommand extends OperatorCommand {
  @Parameters(index = "0", paramLabel = "SCOPE_KEY", description = "Process instance or element instance key.")
  long scopeKey;

  @Parameters(index = "1..*", arity = "0..*", paramLabel = "NAME=VALUE", description = "Variables to set.")
  List<String> assignments = List.of();

  @Mixin VariableArguments more;

  @Option(names = "--local", description = "Set them in this scope only, not where they already exist above it.")
  boolean local;

  @Override
  int call(CamundaClient client) {
    Map<String, Object> variables = new java.util.LinkedHashMap<>(more.collect());
    for (String assignment : assignments) {
      int eq = assignment.indexOf('=');
      if (eq <= 0) {
        throw new UserError("Expected NAME=VALUE, but got '" + assignment + "'");
      }
      variables.put(assignment.substring(0, eq), VariableArguments.parseValue(assignment.substring(eq + 1)));
    }
    if (variables.isEmpty()) {
      throw new UserError("Expected at least one NAME=VALUE (or --var, --vars-file), but got none");
    }
    client.newSetVariablesCommand(scopeKey).variables(variables).local(local).send().join();
    return done("Set %s on scope %d%s%n", String.join(", ", variables.keySet()), scopeKey, local ? " (local)" : "");
  }
}
