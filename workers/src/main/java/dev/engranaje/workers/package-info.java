/**
 * Job workers (spreadsheet, mail, web portal, HTTP, files, finance) and the unattended worker
 * runtime. Workers depend on the Camunda client only, never on the engine, so they run unchanged
 * against the embedded engine or a Camunda 8 cluster. The workers themselves arrive with the bots
 * issue; this module fixes the dependency direction now.
 */
package dev.engranaje.workers;
