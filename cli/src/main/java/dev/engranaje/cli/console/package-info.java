/**
 * {@code rpa console}: the web console served locally against any engine, the embedded one or a
 * Camunda 8.8+ cluster, by forwarding its {@code /v2} calls.
 */
package dev.engranaje.cli.console;
