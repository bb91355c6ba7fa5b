package dev.engranaje.engine.model.validation;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import java.util.Collection;
import java.util.List;

/** Processes and their start events (spec 1.2, "Processes" and "Subprocess start events"). */
final class ProcessRules implements ModelRule {

  static final String NO_EXECUTABLE_PROCESS =
      "Expected at least one process with isExecutable='true', but none was found";
  static final String NO_START_EVENT =
      "Expected process '%s' to have at least one start event, but none was found";
  static final String SEVERAL_NONE_STARTS =
      "Expected at most one none start event in process '%s', but found %d: %s";
  static final String SUBPROCESS_NONE_START =
      "Expected embedded subprocess '%s' to have exactly one none start event, but found %d";

  private static final String EMBEDDED = "subProcess";

  @Override
  public void check(BpmnModelInstance model, Findings findings) {
    List<Process> processes = Elements.executableProcesses(model);
    if (processes.isEmpty()) {
      findings.add(Elements.id(model.getDocumentElement()), NO_EXECUTABLE_PROCESS);
    }
    for (Process process : processes) {
      List<StartEvent> starts = startEvents(process.getFlowElements());
      String id = Elements.id(process);
      if (starts.isEmpty()) {
        findings.add(id, NO_START_EVENT, id);
      }
      List<StartEvent> noneStarts = noneStarts(starts);
      if (noneStarts.size() > 1) {
        findings.add(id, SEVERAL_NONE_STARTS, id, noneStarts.size(), Elements.quotedIds(noneStarts));
      }
    }
    for (SubProcess subProcess : Elements.flowElements(model, SubProcess.class)) {
      if (subProcess.triggeredByEvent() || !EMBEDDED.equals(Elements.typeName(subProcess))) {
        continue; // event, ad-hoc and transaction subprocesses are reported by SupportedElements
      }
      int count = noneStarts(startEvents(subProcess.getFlowElements())).size();
      if (count != 1) {
        String id = Elements.id(subProcess);
        findings.add(id, SUBPROCESS_NONE_START, id, count);
      }
    }
  }

  private static List<StartEvent> startEvents(Collection<FlowElement> elements) {
    return elements.stream().filter(StartEvent.class::isInstance).map(StartEvent.class::cast).toList();
  }

  private static List<StartEvent> noneStarts(List<StartEvent> starts) {
    return starts.stream().filter(s -> s.getEventDefinitions().isEmpty()).toList();
  }
}
