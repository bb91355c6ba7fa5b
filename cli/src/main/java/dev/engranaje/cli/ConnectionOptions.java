package dev.engranaje.cli;

import dev.engranaje.engine.api.rest.ApiAccess;
import dev.engranaje.workers.host.WorkerHostConfig.EngineSettings;
import dev.engranaje.workers.secrets.Redactor;
import io.camunda.client.CamundaClient;
import io.camunda.client.CamundaClientBuilder;
import io.camunda.client.CredentialsProvider;
import java.net.URI;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where the engine is: the embedded engine by default, or a Camunda 8 cluster. Unset options fall
 * back to the Camunda client's standard environment variables ({@code CAMUNDA_REST_ADDRESS},
 * {@code CAMUNDA_GRPC_ADDRESS}, {@code CAMUNDA_CLIENT_ID}, {@code CAMUNDA_CLIENT_SECRET}, {@code
 * CAMUNDA_AUTHORIZATION_SERVER_URL}, {@code CAMUNDA_TOKEN_AUDIENCE}), so the same command works
 * against either engine. An engine started with API credentials is reached with HTTP basic
 * authentication from {@code CAMUNDA_BASIC_AUTH_USERNAME}/{@code CAMUNDA_BASIC_AUTH_PASSWORD} (the
 * client's own variables) or the engine's {@code ENGRANAJE_API_USER}/{@code
 * ENGRANAJE_API_PASSWORD}; passwords are never read from arguments. An address given as an option
 * always wins over the environment.
 */
public final class ConnectionOptions {
  static final String DEFAULT_ADDRESS = "http://localhost:8080";
  static final String BASIC_USER = "CAMUNDA_BASIC_AUTH_USERNAME";
  static final String BASIC_PASSWORD = "CAMUNDA_BASIC_AUTH_PASSWORD";

  @Option(names = "--address", paramLabel = "URL",
      description = "REST address of the engine or cluster (default: $CAMUNDA_REST_ADDRESS, else " + DEFAULT_ADDRESS + ").")
  String address;

  @Option(names = "--grpc-address", paramLabel = "URL",
      description = "gRPC address of a Camunda 8 cluster (default: $CAMUNDA_GRPC_ADDRESS). Unused by the embedded engine.")
  String grpcAddress;

  @Option(names = "--client-id", paramLabel = "ID", description = "OAuth client id (default: $CAMUNDA_CLIENT_ID).")
  String clientId;

  @Option(names = "--authorization-server-url", paramLabel = "URL",
      description = "OAuth token endpoint (default: $CAMUNDA_AUTHORIZATION_SERVER_URL).")
  String authorizationServerUrl;

  @Option(names = "--audience", paramLabel = "AUDIENCE", description = "OAuth token audience (default: $CAMUNDA_TOKEN_AUDIENCE).")
  String audience;

  /** Builds a client; the OAuth secret is only ever read from {@code CAMUNDA_CLIENT_SECRET}, never from arguments. */
  public CamundaClient newClient() {
    return newClient(EngineSettings.NONE, 0, new Redactor());
  }

  /**
   * Builds a client for {@code rpa worker}: options first, then the client's environment variables,
   * then {@code fromConfig} (worker.yaml), then the default.
   *
   * @param executionThreads job worker threads, 0 for the client's default
   * @param redactor registers the OAuth client secret, so that logs never show it
   */
  public CamundaClient newClient(EngineSettings fromConfig, int executionThreads, Redactor redactor) {
    return newClient(fromConfig, executionThreads, redactor, System.getenv());
  }

  /** As {@link #newClient(EngineSettings, int, Redactor)}, reading the variables from {@code environment}. */
  CamundaClient newClient(EngineSettings fromConfig, int executionThreads, Redactor redactor,
      Map<String, String> environment) {
    String rest = firstSet(address, environment.get("CAMUNDA_REST_ADDRESS"), environment.get("ZEEBE_REST_ADDRESS"),
        fromConfig.address(), DEFAULT_ADDRESS);
    CamundaClientBuilder builder = CamundaClient.newClientBuilder().restAddress(URI.create(rest)).preferRestOverGrpc(true);
    if (address != null || grpcAddress != null) {
      // the client would otherwise let CAMUNDA_REST_ADDRESS & co. replace the address given on the command line
      builder.applyEnvironmentVariableOverrides(false);
    }
    String grpc = firstSet(grpcAddress, environment.get("CAMUNDA_GRPC_ADDRESS"), environment.get("ZEEBE_GRPC_ADDRESS"),
        fromConfig.grpcAddress(), null);
    builder.grpcAddress(URI.create(grpc == null ? rest : grpc));
    if (executionThreads > 0) {
      builder.numJobWorkerExecutionThreads(executionThreads);
    }
    String id = firstSet(clientId, environment.get("CAMUNDA_CLIENT_ID"), fromConfig.clientId(), null);
    String basicUser = firstSet(environment.get(BASIC_USER), environment.get(ApiAccess.USER_VARIABLE), null);
    if (id == null && basicUser != null) {
      String password = firstSet(environment.get(BASIC_PASSWORD), environment.get(ApiAccess.PASSWORD_VARIABLE), null);
      if (password == null || password.isBlank()) {
        throw new UserError("An API user is set (" + BASIC_USER + " or " + ApiAccess.USER_VARIABLE + "), but no password:"
            + " set " + BASIC_PASSWORD + " or " + ApiAccess.PASSWORD_VARIABLE + " in the environment.");
      }
      redactor.register(password);
      builder.credentialsProvider(CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
          .username(basicUser).password(password).applyEnvironmentOverrides(false).build());
    }
    if (id != null) {
      String secret = environment.get("CAMUNDA_CLIENT_SECRET");
      if (secret == null || secret.isBlank()) {
        throw new UserError("An OAuth client id is set, but CAMUNDA_CLIENT_SECRET is not: set the secret in the environment.");
      }
      redactor.register(secret);
      var credentials = CredentialsProvider.newCredentialsProviderBuilder().clientId(id).clientSecret(secret);
      String server = firstSet(authorizationServerUrl, environment.get("CAMUNDA_AUTHORIZATION_SERVER_URL"),
          fromConfig.authorizationServerUrl(), null);
      if (server != null) {
        credentials.authorizationServerUrl(server);
      }
      String tokenAudience = firstSet(audience, environment.get("CAMUNDA_TOKEN_AUDIENCE"), fromConfig.audience(), null);
      if (tokenAudience != null) {
        credentials.audience(tokenAudience);
      }
      builder.credentialsProvider(credentials.build());
    }
    return builder.build();
  }

  /** The {@code --address} given on the command line, or null (environment variables do not count). */
  public String address() {
    return address;
  }

  /** The first non-blank value; the last argument is the fallback, returned even when null or blank. */
  private static String firstSet(String... candidates) {
    for (int i = 0; i < candidates.length - 1; i++) {
      if (candidates[i] != null && !candidates[i].isBlank()) {
        return candidates[i];
      }
    }
    return candidates[candidates.length - 1];
  }
}
