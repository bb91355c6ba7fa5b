package dev.engranaje.workers.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The stable, versioned job type a {@link JobWorker} serves, e.g. {@code rpa:spreadsheet.read:1}.
 * A worker whose contract changes incompatibly gets a new version instead of changing this one.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface JobType {
  /** The job type, as written in the model's {@code zeebe:taskDefinition type}. */
  String value();
}
