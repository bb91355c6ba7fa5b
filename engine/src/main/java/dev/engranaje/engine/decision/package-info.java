/**
 * DMN decisions: parsing deployed DMN resources and evaluating their decisions with Camunda's
 * dmn-scala engine (Apache-2.0), on the same FEEL engine as the BPMN expressions.
 */
package dev.engranaje.engine.decision;
