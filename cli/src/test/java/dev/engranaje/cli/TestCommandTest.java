package dev.engranaje.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TestCommandTest {
  private final StringWriter out = new StringWriter();

  private int rpa(String... args) {
    CommandLine commandLine = Rpa.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(out, true));
    return commandLine.execute(args);
  }

  @Test
  void scenariosOfEveryModelInBpmnPassAndJUnitXmlIsWritten(@TempDir Path directory) throws Exception {
    Path report = directory.resolve("scenarios.xml");

    int exit = rpa("test", "../bpmn/processes", "--junit-xml", report.toString());

    assertThat(exit).as(out.toString()).isZero();
    assertThat(out.toString()).contains("PASS   ../bpmn/processes/bank-reconciliation.test.yaml > every entry matched")
        .contains("invoice-intake.test.yaml").contains("PASS   ../bpmn/processes/supplier-payment.test.yaml > a run above the upper limit")
        .contains("0 failed");
    assertThat(Files.readString(report)).contains("<testsuite name=\"../bpmn/processes/bank-reconciliation.test.yaml\"")
        .contains("failures=\"0\"");
  }

  @Test
  void brokenScenarioFailsWithItsReasonAndExitCodeOne(@TempDir Path directory) throws Exception {
    Files.copy(Path.of("../bpmn/processes/invoice-intake.bpmn"), directory.resolve("invoice-intake.bpmn"));
    Files.writeString(directory.resolve("invoice-intake.test.yaml"), """
        scenarios:
          - name: expects a path the model does not take
            variables: {invoice: {amount: 10}}
            mocks:
              "rpa:demo.check-invoice:1": {complete: {}}
              "rpa:demo.book-ledger:1": {complete: {}}
              "rpa:demo.notify-supplier:1": {complete: {}}
              "rpa:demo.archive:1": {complete: {}}
            expect: {path: [approve]}
          - name: names an answer that does not exist
            mocks: {"rpa:demo.check-invoice:1": {succeed: {}}}
        """);

    int exit = rpa("test", directory.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(out.toString()).contains("FAIL   " + directory.resolve("invoice-intake.test.yaml")
        + " > expects a path the model does not take")
        .contains("to have passed [approve], but it did not pass [approve]")
        .contains("BROKEN").contains("mock 'rpa:demo.check-invoice:1': expected exactly one of [complete, throwError, fail], but got [succeed]")
        .contains("2 scenario(s) in 1 file(s): 0 passed, 2 failed");
  }

  @Test
  void buildOutputAndHiddenFoldersAreNotSearched(@TempDir Path directory) throws Exception {
    Files.copy(Path.of("../bpmn/processes/invoice-intake.bpmn"), directory.resolve("invoice-intake.bpmn"));
    Files.copy(Path.of("../bpmn/processes/invoice-intake.test.yaml"), directory.resolve("invoice-intake.test.yaml"));
    for (String skipped : new String[] {"target/classes", ".git"}) {
      Files.createDirectories(directory.resolve(skipped));
      Files.writeString(directory.resolve(skipped).resolve("copy.test.yaml"), "not: [a scenario file");
    }

    assertThat(rpa("test", directory.toString())).as(out.toString()).isZero();
    assertThat(out.toString()).contains("4 scenario(s) in 1 file(s): 4 passed, 0 failed").doesNotContain("copy.test.yaml");
  }

  @Test
  void folderWithoutScenariosIsAUserError(@TempDir Path directory) {
    assertThat(rpa("test", directory.toString())).isEqualTo(1);
    assertThat(out.toString()).contains("Expected scenario files (*.test.yaml)");
  }
}
