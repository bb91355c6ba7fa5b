package dev.engranaje.engine.gateway;

import java.util.List;

/**
 * A process instance migration (Zeebe's ProcessInstanceMigration): the running instance continues
 * in another process definition, each active element in the target element it is mapped to.
 *
 * @param mappings source element id to target element id, never null
 */
public record MigrateProcessInstance(long processInstanceKey, long targetProcessDefinitionKey,
    List<Mapping> mappings) {

  public MigrateProcessInstance {
    mappings = List.copyOf(mappings);
  }

  /** One mapping instruction. */
  public record Mapping(String sourceElementId, String targetElementId) {}
}
