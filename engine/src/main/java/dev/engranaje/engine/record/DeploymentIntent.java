package dev.engranaje.engine.record;

public enum DeploymentIntent implements Intent {
  CREATE,
  CREATED
}
