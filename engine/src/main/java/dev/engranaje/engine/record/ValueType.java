package dev.engranaje.engine.record;

/** The kinds of record values, with the classes that (de)serialize them. */
public enum ValueType {
  DEPLOYMENT(DeploymentRecord.class, DeploymentIntent.class),
  PROCESS(ProcessRecord.class, ProcessIntent.class),
  PROCESS_INSTANCE(ProcessInstanceRecord.class, ProcessInstanceIntent.class),
  PROCESS_INSTANCE_CREATION(ProcessInstanceCreationRecord.class, ProcessInstanceCreationIntent.class),
  JOB(JobRecord.class, JobIntent.class),
  JOB_BATCH(JobBatchRecord.class, JobBatchIntent.class),
  VARIABLE(VariableRecord.class, VariableIntent.class),
  VARIABLE_DOCUMENT(VariableDocumentRecord.class, VariableDocumentIntent.class),
  INCIDENT(IncidentRecord.class, IncidentIntent.class),
  MESSAGE(MessageRecord.class, MessageIntent.class),
  TIMER(TimerRecord.class, TimerIntent.class),
  ERROR(ErrorRecord.class, ErrorIntent.class),
  ESCALATION(EscalationRecord.class, EscalationIntent.class),
  PROCESS_MESSAGE_SUBSCRIPTION(ProcessMessageSubscriptionRecord.class, ProcessMessageSubscriptionIntent.class),
  USER_TASK(UserTaskRecord.class, UserTaskIntent.class),
  SIGNAL(SignalRecord.class, SignalIntent.class),
  SIGNAL_SUBSCRIPTION(SignalSubscriptionRecord.class, SignalSubscriptionIntent.class),
  DECISION_REQUIREMENTS(DecisionRequirementsRecord.class, DecisionRequirementsIntent.class),
  DECISION(DecisionRecord.class, DecisionIntent.class),
  DECISION_EVALUATION(DecisionEvaluationRecord.class, DecisionEvaluationIntent.class),
  FORM(FormRecord.class, FormIntent.class),
  PROCESS_EVENT(ProcessEventRecord.class, ProcessEventIntent.class),
  PROCESS_INSTANCE_MODIFICATION(ProcessInstanceModificationRecord.class, ProcessInstanceModificationIntent.class),
  PROCESS_INSTANCE_MIGRATION(ProcessInstanceMigrationRecord.class, ProcessInstanceMigrationIntent.class),
  BATCH_OPERATION(BatchOperationRecord.class, BatchOperationIntent.class),
  AUDIT_LOG(AuditLogRecord.class, AuditLogIntent.class);

  private final Class<? extends RecordValue> valueClass;
  private final Class<? extends Enum<?>> intentClass;

  <E extends Enum<E> & Intent> ValueType(Class<? extends RecordValue> valueClass, Class<E> intentClass) {
    this.valueClass = valueClass;
    this.intentClass = intentClass;
  }

  public Class<? extends RecordValue> valueClass() {
    return valueClass;
  }

  /** Looks up an intent of this value type by name. */
  public Intent intent(String name) {
    for (Enum<?> constant : intentClass.getEnumConstants()) {
      if (constant.name().equals(name)) {
        return (Intent) constant;
      }
    }
    throw new IllegalArgumentException("Expected an intent of " + this + ", but got '" + name + "'");
  }

  public static ValueType of(RecordValue value) {
    for (ValueType type : values()) {
      if (type.valueClass == value.getClass()) {
        return type;
      }
    }
    throw new IllegalArgumentException("Expected a known record value, but got " + value.getClass());
  }
}
