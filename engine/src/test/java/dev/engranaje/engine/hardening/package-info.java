/** Fault and abuse tests: hostile inputs get the documented error or incident and the engine keeps serving. */
package dev.engranaje.engine.hardening;
