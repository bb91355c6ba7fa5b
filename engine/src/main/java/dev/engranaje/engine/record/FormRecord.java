package dev.engranaje.engine.record;

/**
 * A deployed form version (a Camunda Forms {@code .form} resource), versioned per form id as
 * processes are per process id. {@code resource} is the form's JSON schema as deployed, so a task
 * can hand it out after a restart. {@code versionTag} is the schema's {@code versionTag}, or null
 * when it has none.
 */
public record FormRecord(
    String formId,
    int version,
    long formKey,
    String versionTag,
    String resourceName,
    String checksum,
    String resource,
    long deploymentKey,
    String tenantId)
    implements RecordValue {}
