package dev.engranaje.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against its own in-memory embedded engine. Fields and parameters of type
 * {@link ProcessTestEngine} and {@link io.camunda.client.CamundaClient} are injected. Between tests
 * the mocks and workers are cleared and every process instance the previous test left running is
 * cancelled, so tests do not see each other's work; deployed processes stay (give each test its own
 * process id when models differ, see {@link ProcessTestEngine#uniqueId(String)}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ProcessTestExtension.class)
public @interface ProcessTest {
  /**
   * Whether waiting assertions move the clock to the next timer of a running instance when the engine
   * has nothing else to do. Default true; with false, only {@link ProcessTestEngine#advance} moves time.
   */
  boolean autoTimeSkipping() default true;

  /**
   * Where the engine clock starts, as an ISO-8601 instant (e.g. {@code 2026-12-01T09:00:00Z}); empty
   * (the default) starts at the current time. A fixed start makes cron timers and due dates repeatable.
   */
  String startAt() default "";
}
