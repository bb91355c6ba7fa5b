/**
 * Secret references, their sources (the secrets file, environment variables under {@code
 * RPA_SECRET_}), the hosts each secret may be sent to, and redaction.
 */
package dev.engranaje.workers.secrets;
