/** Deployments: validation, versioning and storing process definitions. */
package dev.engranaje.engine.processing.deployment;
