/**
 * The lint rules, one class each: {@code Deployment*} wraps the engine's validation, {@code Compat*}
 * are Camunda 8.9 compatibility rules as Camunda Modeler's linter applies them (written here from
 * their documented behaviour), the others are Engranaje's own.
 */
package dev.engranaje.cli.lint.rules;
