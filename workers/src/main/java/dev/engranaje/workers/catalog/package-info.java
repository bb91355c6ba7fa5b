/**
 * Which workers exist: the {@link dev.engranaje.workers.catalog.WorkerCatalog} maps job types to
 * {@link dev.engranaje.workers.catalog.WorkerFactory factories}, discovered through {@link
 * java.util.ServiceLoader} so that adding a worker is one line in a {@code META-INF/services} file.
 */
package dev.engranaje.workers.catalog;
