package dev.engranaje.engine.processing.signal;

import dev.engranaje.engine.expression.EvaluationResult;
import dev.engranaje.engine.expression.ExpressionLanguage;
import dev.engranaje.engine.model.BpmnElementType;
import dev.engranaje.engine.model.BpmnEventType;
import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.model.ExecutableProcess;
import dev.engranaje.engine.processing.RecordWriter;
import dev.engranaje.engine.processing.bpmn.behavior.SignalBehavior;
import dev.engranaje.engine.record.SignalSubscriptionIntent;
import dev.engranaje.engine.record.SignalSubscriptionRecord;
import dev.engranaje.engine.state.EngineState;

/**
 * Signal start events (spec §7.3, §1.3): subscribed when their process version is deployed, so
 * only the latest version of a process listens; a new version deletes the subscriptions of the
 * versions before it. The names are static (validation), evaluated without variables.
 */
public final class SignalStartEvents {
  private final EngineState state;
  private final RecordWriter writer;
  private final ExpressionLanguage expressions;

  public SignalStartEvents(EngineState state, RecordWriter writer, ExpressionLanguage expressions) {
    this.state = state;
    this.writer = writer;
    this.expressions = expressions;
  }

  /** Replaces the start subscriptions of earlier versions of the process with those of the new one. */
  public void onProcessDeployed(ExecutableProcess process) {
    for (long key : state.signalSubscriptions().forElementInstance(SignalBehavior.NO_INSTANCE)) {
      SignalSubscriptionRecord subscription = state.signalSubscriptions().get(key);
      if (subscription.bpmnProcessId().equals(process.bpmnProcessId())
          && subscription.tenantId().equals(process.tenantId())
          && subscription.processDefinitionKey() != process.processDefinitionKey()) {
        writer.event(key, SignalSubscriptionIntent.DELETED, subscription);
      }
    }
    for (ExecutableElement startEvent : process.root().children()) {
      if (startEvent.type() != BpmnElementType.START_EVENT || startEvent.eventType() != BpmnEventType.SIGNAL) {
        continue;
      }
      EvaluationResult name = expressions.evaluate(startEvent.signalName(), java.util.Map.of());
      if (!(name instanceof EvaluationResult.Success success) || !(success.value() instanceof String text)
          || text.isEmpty()) {
        throw new IllegalStateException("Expected the signal name of start event '" + startEvent.id()
            + "' to be a static non-empty string, but it was not");
      }
      writer.event(state.keys().next(), SignalSubscriptionIntent.CREATED, new SignalSubscriptionRecord(text,
          process.processDefinitionKey(), process.bpmnProcessId(), startEvent.id(), SignalBehavior.NO_INSTANCE, true,
          process.tenantId()));
    }
  }
}
