/**
 * {@code rpa lint}: checks BPMN models without deploying them. The engine's own deployment
 * validation, the Camunda 8.9 compatibility rules Camunda Modeler applies, and Engranaje's rules
 * (job types nobody serves, outdated or unfilled element templates, missing diagrams, unreachable
 * elements, side effects without an error path, user tasks without a form, timers without a zone).
 * Each rule is one class in {@code rules}, registered with its id in {@link dev.engranaje.cli.lint.LintRules}.
 */
package dev.engranaje.cli.lint;
