/** Log output of the {@code rpa} process: secret values masked in every line, whoever logs them. */
package dev.engranaje.cli.logging;
