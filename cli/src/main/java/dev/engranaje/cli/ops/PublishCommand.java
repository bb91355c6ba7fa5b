package dev.engranaje.cli.ops;

import static dev.engranaje.cli.ops.Filters.ifSet;

import dev.engranaje.cli.VariableArguments;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.CorrelateMessageResponse;
import io.camunda.client.api.response.PublishMessageResponse;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rpa publish NAME}: publish (or correlate) a message. */
@Command(name = "publish", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Publish a message: it is correlated to a waiting instance whose subscription matches name and"
        + " correlation key, else buffered for --ttl. With --correlate it must correlate now, and the instance is"
        + " printed.",
        "Exit codes: 0 published (correlated), 1 bad arguments, 2 refused (with --correlate: nobody waits for it),"
            + " 3 engine unreachable."})
public final class PublishCommand extends OperatorCommand {
  @Parameters(index = "0", paramLabel = "NAME", description = "Message name.")
  String name;

  @Option(names = {"-k", "--correlation-key"}, paramLabel = "KEY",
      description = "Correlation key (none for messages that start instances).")
  String correlationKey;

  @Mixin VariableArguments variables;

  @Option(names = "--ttl", paramLabel = "DURATION", description = "How long the message waits to be correlated"
      + " (ISO-8601, e.g. PT1H; default: the engine's).")
  Duration timeToLive;

  @Option(names = "--message-id", paramLabel = "ID", description = "Unique id: the same id is published only once.")
  String messageId;

  @Option(names = "--correlate", description = "Correlate now or fail, and print the instance it reached.")
  boolean correlate;

  @Override
  int call(CamundaClient client) {
    Map<String, Object> vars = variables.collect();
    return correlate ? correlate(client, vars) : publish(client, vars);
  }

  private int correlate(CamundaClient client, Map<String, Object> vars) {
    var named = client.newCorrelateMessageCommand().messageName(name);
    var keyed = correlationKey == null ? named.withoutCorrelationKey() : named.correlationKey(correlationKey);
    CorrelateMessageResponse response = keyed.variables(vars).send().join();
    return done("Message '%s' (key %d) correlated to process instance %d%n", name, response.getMessageKey(),
        response.getProcessInstanceKey());
  }

  private int publish(CamundaClient client, Map<String, Object> vars) {
    var named = client.newPublishMessageCommand().messageName(name);
    var keyed = (correlationKey == null ? named.withoutCorrelationKey() : named.correlationKey(correlationKey))
        .variables(vars);
    // the client's builders change themselves and return themselves
    ifSet(timeToLive, keyed::timeToLive);
    ifSet(messageId, keyed::messageId);
    PublishMessageResponse response = keyed.send().join();
    return done("Published message '%s' (key %d)%s%n", name, response.getMessageKey(),
        correlationKey == null ? "" : " with correlation key '" + correlationKey + "'");
  }
}
