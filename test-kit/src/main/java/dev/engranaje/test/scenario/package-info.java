/**
 * Scenario files for analysts ({@code *.test.yaml} next to a model): what to start with, how each job
 * type answers, what happens meanwhile (messages, time, user tasks) and what must come out; run on the
 * kit's embedded engine by {@link dev.engranaje.test.scenario.ScenarioRunner} (and {@code rpa test}).
 */
package dev.engranaje.test.scenario;
