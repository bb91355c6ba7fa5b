/** Setting variables on a scope from outside (operators, clients). */
package dev.engranaje.engine.processing.variable;
