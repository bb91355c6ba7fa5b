/** The {@code rpa} command line: run the embedded engine, deploy models, start instances, benchmark. */
package dev.engranaje.cli;
