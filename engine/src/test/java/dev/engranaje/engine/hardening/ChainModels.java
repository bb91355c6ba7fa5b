package dev.engranaje.engine.hardening;

import java.nio.charset.StandardCharsets;

/** Large generated models: a start event, a chain of manual tasks and an end event. */
final class ChainModels {
  private ChainModels() {}

  static byte[] chain(String processId, int tasks) {
    StringBuilder xml = new StringBuilder(tasks * 200);
    xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<bpmn:definitions")
        .append(" xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"d\"")
        .append(" targetNamespace=\"http://bpmn.io/schema/bpmn\">\n<bpmn:process id=\"").append(processId)
        .append("\" isExecutable=\"true\">\n<bpmn:startEvent id=\"s\"><bpmn:outgoing>f0</bpmn:outgoing></bpmn:startEvent>\n");
    for (int i = 0; i < tasks; i++) {
      xml.append("<bpmn:manualTask id=\"t").append(i).append("\"><bpmn:incoming>f").append(i)
          .append("</bpmn:incoming><bpmn:outgoing>f").append(i + 1).append("</bpmn:outgoing></bpmn:manualTask>\n")
          .append("<bpmn:sequenceFlow id=\"f").append(i).append("\" sourceRef=\"").append(i == 0 ? "s" : "t" + (i - 1))
          .append("\" targetRef=\"t").append(i).append("\"/>\n");
    }
    xml.append("<bpmn:endEvent id=\"e\"><bpmn:incoming>f").append(tasks).append("</bpmn:incoming></bpmn:endEvent>\n")
        .append("<bpmn:sequenceFlow id=\"f").append(tasks).append("\" sourceRef=\"t").append(tasks - 1)
        .append("\" targetRef=\"e\"/>\n</bpmn:process>\n</bpmn:definitions>\n");
    return xml.toString().getBytes(StandardCharsets.UTF_8);
  }
}
