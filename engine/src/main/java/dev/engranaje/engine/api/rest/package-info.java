/**
 * The Camunda-compatible REST {@code /v2} API, served by Jetty 12 on top of the
 * {@link dev.engranaje.engine.gateway.EngineGateway} within documented {@link
 * dev.engranaje.engine.api.rest.ServerLimits}; request and response shapes are the Camunda Java
 * client's own generated {@code io.camunda.client.protocol.rest} model classes.
 */
package dev.engranaje.engine.api.rest;
