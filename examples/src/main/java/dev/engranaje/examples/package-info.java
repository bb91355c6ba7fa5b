/** Runnable scenarios that use only the official Camunda client, so they run against any engine. */
package dev.engranaje.examples;
