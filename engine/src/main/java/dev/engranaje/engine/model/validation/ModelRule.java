package dev.engranaje.engine.model.validation;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;

/** One family of deployment rules; reports every violation it finds. */
@FunctionalInterface
interface ModelRule {

  void check(BpmnModelInstance model, Findings findings);
}
