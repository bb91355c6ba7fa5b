/**
 * The runtime worker {@code rpa:runtime.load-settings:1}: a model's installation settings (hosts,
 * mailboxes, file locations, limits) from a file in the workspace, for starts that carry no
 * variables, such as a timer start.
 */
package dev.engranaje.workers.settings;
