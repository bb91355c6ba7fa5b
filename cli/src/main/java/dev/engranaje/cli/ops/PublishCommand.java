package dev.engranaje.cli.ops;

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
    if (correlate) {
      var named = client.newCorrelateMessageCommand().messageName(name);
      var keyed = correlationKey == null ? named.withoutCorrelationKey() : named.correlationKey(correlationKey);
      CorrelateMessageResponse response = keyed.variables(vars).send().join();
      out().printf("Message '%s' (key %d) correlated to process instance %d%n", name, response.getMessageKey(),
          response.getProcessInstanceKey());
    } else {
      var named = client.newPublishMessageCommand().messageName(name);
      var keyed = correlationKey == null ? named.withoutCorrelationKey() : named.correlationKey(correlationKey);
      keyed = keyed.variables(vars);
      if (timeToLive != null) {
        keyed = keyed.timeToLive(timeToLive);
      }
      if (messageId != null) {
        keyed = keyed.messageId(messageId);
      }
      PublishMessageResponse response = keyed.send().join();
      out().printf("Published message '%s' (key %d)%s%n", name, response.getMessageKey(),
          correlationKey == null ? "" : " with correlation key '" + correlationKey + "'");
    }
    out().flush();
    return 0;
  }
}
