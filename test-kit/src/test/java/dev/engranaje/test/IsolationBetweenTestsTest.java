package dev.engranaje.test;

import static dev.engranaje.test.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@ProcessTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IsolationBetweenTestsTest {
  private static ProcessInstance leftRunning;
  private static JobMock firstTestsMock;

  ProcessTestEngine engine;

  @Test
  @Order(1)
  void firstTestLeavesAnInstanceWaitingOnATimer() {
    String processId = ProcessTestEngine.uniqueId("left");
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .intermediateCatchEvent("wait", e -> e.timerWithDuration("P1D"))
        .serviceTask("after", t -> t.zeebeJobType("isolation:after:1")).endEvent().done());
    firstTestsMock = engine.mock("isolation:after:1").thenComplete();
    leftRunning = engine.startInstance(processId);
    assertThat(leftRunning).hasActiveElements("wait");
  }

  @Test
  @Order(2)
  void nextTestStartsWithoutItsInstancesAndMocks() {
    assertThat(leftRunning).isTerminated();
    String processId = ProcessTestEngine.uniqueId("fresh");
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .intermediateCatchEvent("wait", e -> e.timerWithDuration("P2D")).endEvent().done());
    assertThat(engine.startInstance(processId)).isCompleted();
    assertThat(firstTestsMock.callCount()).as("the earlier test's timer never fired into its mock").isZero();
  }
}
