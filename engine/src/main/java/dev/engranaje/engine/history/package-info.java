/**
 * The history store: a projection of the record log into SQLite tables of the engine's own
 * database (process definitions, instances, element instances, variables, incidents, jobs, user
 * tasks, decisions, message subscriptions), written in the same transaction as the records it is
 * made from, and the searches over it that the REST API serves.
 */
package dev.engranaje.engine.history;
