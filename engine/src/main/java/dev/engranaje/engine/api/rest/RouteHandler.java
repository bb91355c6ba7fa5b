package dev.engranaje.engine.api.rest;

import java.util.concurrent.CompletionStage;

/** Handles one route; answers asynchronously so that long-running requests hold no thread. */
@FunctionalInterface
interface RouteHandler {

  CompletionStage<RestResponse> handle(RestRequest request);
}
