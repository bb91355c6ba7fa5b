/** Secret references, their sources (environment, secrets file) and redaction. */
package dev.engranaje.workers.secrets;
