package dev.engranaje.engine.processing.bpmn.behavior;

import dev.engranaje.engine.model.BpmnElementType;
import dev.engranaje.engine.processing.JsonDocuments;
import dev.engranaje.engine.processing.RecordWriter;
import dev.engranaje.engine.record.ProcessInstanceRecord;
import dev.engranaje.engine.record.VariableIntent;
import dev.engranaje.engine.record.VariableRecord;
import dev.engranaje.engine.state.ElementInstance;
import dev.engranaje.engine.state.EngineState;
import dev.engranaje.engine.state.VariableState.Variable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads variables through the scope hierarchy and writes them with Zeebe's two merge algorithms
 * (spec §3.2): {@code mergeLocal} and {@code propagate}.
 */
public final class VariableBehavior {
  private final EngineState state;
  private final RecordWriter writer;

  public VariableBehavior(EngineState state, RecordWriter writer) {
    this.state = state;
    this.writer = writer;
  }

  /** Scope keys from the given scope up to the process instance. */
  public List<Long> scopeChain(long scopeKey) {
    List<Long> chain = new ArrayList<>(4);
    long current = scopeKey;
    while (current > 0) {
      chain.add(current);
      ElementInstance instance = state.elementInstances().get(current);
      if (instance == null) {
        break;
      }
      current = instance.flowScopeKey();
    }
    return chain;
  }

  /** Every variable visible from a scope as JSON text, the nearest definition shadowing the rest. */
  public Map<String, String> visibleJson(long scopeKey, Collection<String> onlyNames) {
    List<Long> chain = scopeChain(scopeKey);
    Map<String, String> visible = new LinkedHashMap<>();
    for (int i = chain.size() - 1; i >= 0; i--) {
      for (Variable variable : state.variables().local(chain.get(i)).values()) {
        if (onlyNames == null || onlyNames.isEmpty() || onlyNames.contains(variable.name())) {
          visible.put(variable.name(), variable.json());
        }
      }
    }
    return visible;
  }

  /** Every variable visible from a scope as plain Java values, for expression evaluation. */
  public Map<String, Object> visibleValues(long scopeKey) {
    Map<String, String> json = visibleJson(scopeKey, null);
    Map<String, Object> values = new HashMap<>(json.size() * 2);
    json.forEach((name, value) -> values.put(name, JsonDocuments.parse(value)));
    return values;
  }

  /**
   * Where output mappings start to propagate (spec §3.3): the flow scope, but the instance itself
   * for an inner instance of a multi-instance body, so a pre-created local output element catches it.
   */
  public long outputStartScope(ElementInstance instance) {
    ElementInstance scope = state.elementInstances().get(instance.flowScopeKey());
    if (scope == null) {
      return instance.key();
    }
    return scope.value().bpmnElementType() == BpmnElementType.MULTI_INSTANCE_BODY ? instance.key() : scope.key();
  }

  /** Creates or updates every entry directly on the scope. */
  public void mergeLocal(long scopeKey, Map<String, String> document) {
    document.forEach((name, json) -> setLocal(scopeKey, name, json));
  }

  /**
   * For each entry, walks up from {@code startScopeKey}: the first scope holding the name with a
   * different value is updated; a name found nowhere is created at the root. An equal value does
   * not stop the walk, and an unchanged value writes nothing.
   */
  public void propagate(long startScopeKey, Map<String, String> document) {
    if (document.isEmpty()) {
      return;
    }
    List<Long> chain = scopeChain(startScopeKey);
    long root = chain.get(chain.size() - 1);
    for (Map.Entry<String, String> entry : document.entrySet()) {
      boolean written = false;
      boolean seenEqual = false;
      for (long scope : chain) {
        Variable existing = state.variables().get(scope, entry.getKey());
        if (existing == null) {
          continue;
        }
        if (existing.json().equals(entry.getValue())) {
          seenEqual = true;
          continue;
        }
        setLocal(scope, entry.getKey(), entry.getValue());
        written = true;
        break;
      }
      if (!written && !seenEqual) {
        setLocal(root, entry.getKey(), entry.getValue());
      }
    }
  }

  /** Creates or updates one variable on a scope; writes nothing when the value is unchanged. */
  public void setLocal(long scopeKey, String name, String json) {
    Variable existing = state.variables().get(scopeKey, name);
    if (existing != null && existing.json().equals(json)) {
      return;
    }
    ElementInstance scope = state.elementInstances().get(scopeKey);
    ProcessInstanceRecord owner = scope.value();
    VariableRecord record = new VariableRecord(name, json, scopeKey, owner.processInstanceKey(),
        owner.processDefinitionKey(), owner.bpmnProcessId(), owner.tenantId());
    if (existing == null) {
      writer.event(state.keys().next(), VariableIntent.CREATED, record);
    } else {
      writer.event(existing.key(), VariableIntent.UPDATED, record);
    }
  }
}
