/** Collaborators shared by element processors: variables, mappings, jobs, incidents, timers, errors, transitions. */
package dev.engranaje.engine.processing.bpmn.behavior;
