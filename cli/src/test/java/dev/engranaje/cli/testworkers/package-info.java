/** Workers the CLI tests register through META-INF/services, as real worker modules do. */
package dev.engranaje.cli.testworkers;
