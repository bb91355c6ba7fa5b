/**
 * File bots over the instance workspace and the configured areas ({@code inbox:}, {@code outbox:}):
 * list, move, copy, delete, zip, unzip (zip-slip and zip-bomb safe) and checksum, one worker per
 * job type {@code rpa:files.<verb>:1}. Every path is a workspace reference resolved through {@link
 * dev.engranaje.workers.workspace.Workspace}, so nothing outside those directories is touched.
 */
package dev.engranaje.workers.files;
