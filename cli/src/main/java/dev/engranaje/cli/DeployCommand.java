package dev.engranaje.cli;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1;
import io.camunda.client.api.response.Decision;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.Form;
import io.camunda.client.api.response.Process;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code rpa deploy FILE...}: deploy BPMN, DMN and form files in one atomic deployment. */
@Command(name = "deploy", mixinStandardHelpOptions = true,
    description = {"Deploy BPMN processes (.bpmn), DMN decisions (.dmn) and Camunda forms (.form) in one deployment"
            + " (all or none: one invalid file rejects the deployment); prints what each file deployed.",
        "Exit codes: 0 deployed, 1 bad arguments, 2 refused by the engine, 3 engine unreachable."})
final class DeployCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to deploy: .bpmn, .dmn, .form.")
  List<Path> files;

  @Mixin ConnectionOptions connection;

  @Spec CommandSpec spec;

  private java.io.PrintWriter out() {
    return spec.commandLine().getOut();
  }

  @Override
  public Integer call() {
    try (CamundaClient client = connection.newClient()) {
      DeployResourceCommandStep1.DeployResourceCommandStep2 command = null;
      for (Path file : files) {
        byte[] content = read(file);
        command = command == null
            ? client.newDeployResourceCommand().addResourceBytes(content, file.getFileName().toString())
            : command.addResourceBytes(content, file.getFileName().toString());
      }
      DeploymentEvent deployment = command.send().join();
      for (Process process : deployment.getProcesses()) {
        out().printf("Deployed process '%s' version %d (key %d) from %s%n", process.getBpmnProcessId(),
            process.getVersion(), process.getProcessDefinitionKey(), process.getResourceName());
      }
      for (Decision decision : deployment.getDecisions()) {
        out().printf("Deployed decision '%s' version %d (key %d)%n", decision.getDmnDecisionId(),
            decision.getVersion(), decision.getDecisionKey());
      }
      for (Form form : deployment.getForm()) {
        out().printf("Deployed form '%s' version %d (key %d) from %s%n", form.getFormId(), form.getVersion(),
            form.getFormKey(), form.getResourceName());
      }
      return 0;
    }
  }

  private static byte[] read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new UserError("No such file: " + file);
    }
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UserError("Could not read " + file + ": " + e.getMessage());
    }
  }
}
