/** Expressions in models: static values and FEEL (through the Camunda FEEL engine), parsed once per deployment. */
package dev.engranaje.engine.expression;
