package dev.engranaje.cli.ops;

import dev.engranaje.cli.UserError;
import dev.engranaje.cli.VariableArguments;
import io.camunda.client.api.search.filter.VariableValueFilter;
import java.util.List;
import java.util.function.Consumer;

/**
 * A {@code --var NAME=VALUE} filter: instances whose variable NAME holds VALUE. Camunda compares the
 * variable's JSON, so VALUE is taken as JSON when it parses ({@code 42}, {@code true}, {@code "x"})
 * and as a string otherwise ({@code Ada} means {@code "Ada"}).
 */
record VariableMatch(String name, String json) {

  static VariableMatch parse(String argument) {
    int eq = argument.indexOf('=');
    if (eq <= 0) {
      throw new UserError("Expected --var NAME=VALUE, but got '" + argument + "'");
    }
    String value = argument.substring(eq + 1);
    String json = VariableArguments.isJson(value) ? value : Listing.JSON.getNodeFactory().textNode(value).toString();
    return new VariableMatch(argument.substring(0, eq), json);
  }

  static List<Consumer<VariableValueFilter>> filters(List<String> arguments) {
    return arguments.stream().map(VariableMatch::parse).map(VariableMatch::filter).toList();
  }

  Consumer<VariableValueFilter> filter() {
    return variable -> variable.name(name).value(json);
  }
}
