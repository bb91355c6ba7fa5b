/**
 * The executable form of deployed BPMN: an immutable graph of elements and flows built once per
 * deployment from the Zeebe model API, with every expression parsed up front.
 */
package dev.engranaje.engine.model;
