/** Durable storage: the record log in SQLite (WAL), written in group commits and replayed on start. */
package dev.engranaje.engine.storage;
