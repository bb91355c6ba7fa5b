/** Per-instance file workspaces with root confinement (no path traversal, no links outside). */
package dev.engranaje.workers.workspace;
