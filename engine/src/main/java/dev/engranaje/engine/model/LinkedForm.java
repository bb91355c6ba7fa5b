package dev.engranaje.engine.model;

/**
 * The deployed form a user task links with {@code <zeebe:formDefinition formId="…"/>} (spec §5): the
 * form id and which of its versions the task shows. The bindings mean for forms what they mean for
 * called decisions: the latest version when the task is created (the default), the version deployed
 * together with the task's process, or the newest version whose schema has the version tag.
 * Immutable.
 *
 * @param versionTag the version tag to bind to; only with {@link CalledDecision.Binding#VERSION_TAG},
 *     else null
 */
public record LinkedForm(String formId, CalledDecision.Binding binding, String versionTag) {}
