/**
 * The embedded, durable, Zeebe-compatible engine. {@link dev.engranaje.engine.Engine} starts one
 * from {@link dev.engranaje.engine.EngineOptions}; clients reach it through the Camunda REST API or,
 * in-process, through {@link dev.engranaje.engine.gateway.EngineGateway}.
 */
package dev.engranaje.engine;
