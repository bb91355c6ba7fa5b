package dev.engranaje.engine.gateway;

/** What the engine reports about itself: one broker, one partition. */
public record Topology(String host, int port, String version) {}
