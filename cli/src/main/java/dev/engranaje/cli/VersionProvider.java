package dev.engranaje.cli;

import dev.engranaje.engine.Engine;
import picocli.CommandLine.IVersionProvider;

/** Prints Engranaje's version and the Camunda API version it speaks. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Rpa.class.getPackage().getImplementationVersion();
    return new String[] {
      "Engranaje " + (version == null ? "0.1.0-SNAPSHOT" : version) + " (Camunda 8 REST API " + Engine.VERSION + ")"
    };
  }
}
