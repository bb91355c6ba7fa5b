package dev.engranaje.engine.model;

import dev.engranaje.engine.expression.Expression;

/**
 * The properties of a user task (spec §5), each an expression evaluated on activation, or null when
 * the model does not set it. {@code camundaUserTask} is true when {@code <zeebe:userTask/>} is
 * present; otherwise the task is a job-worker user task. Immutable.
 *
 * @param form the linked (deployed) form, or null when the task links none
 * @param formKey the legacy {@code formKey} attribute, passed through as the form key
 * @param name the element's name as the model gives it, or null
 */
public record UserTaskDefinition(
    boolean camundaUserTask,
    Expression assignee,
    Expression candidateGroups,
    Expression candidateUsers,
    Expression dueDate,
    Expression followUpDate,
    LinkedForm form,
    Expression externalReference,
    String formKey,
    Expression priority,
    String name) {}
