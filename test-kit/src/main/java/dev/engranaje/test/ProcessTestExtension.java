package dev.engranaje.test;

import io.camunda.client.CamundaClient;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 side of {@link ProcessTest}: one {@link ProcessTestEngine} per test class, started
 * before the first test and closed after the last, injected into fields and parameters of type
 * {@link ProcessTestEngine} or {@link CamundaClient}; before each test it clears the mocks and
 * cancels what the previous test left running.
 */
public final class ProcessTestExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, TestInstancePostProcessor, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ProcessTestExtension.class);
  private static final String ENGINE = "engine";

  @Override
  public void beforeAll(ExtensionContext context) throws IllegalAccessException {
    ProcessTest settings = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), ProcessTest.class)
        .orElseThrow(() -> new ExtensionConfigurationException("Expected @ProcessTest on "
            + context.getRequiredTestClass().getName() + " to use the process-test extension"));
    ProcessTestEngine engine = ProcessTestEngine.start(settings.autoTimeSkipping(), startAt(settings, context));
    context.getStore(NAMESPACE).put(ENGINE, engine);
    inject(context.getRequiredTestClass(), null, engine, true);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    ProcessTestEngine engine = context.getStore(NAMESPACE).remove(ENGINE, ProcessTestEngine.class);
    if (engine != null) {
      engine.close();
    }
  }

  @Override
  public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws IllegalAccessException {
    inject(testInstance.getClass(), testInstance, engine(context), false);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    engine(context).reset();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == ProcessTestEngine.class || type == CamundaClient.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ProcessTestEngine engine = engine(context);
    return parameter.getParameter().getType() == CamundaClient.class ? engine.client() : engine;
  }

  private static ProcessTestEngine engine(ExtensionContext context) {
    for (ExtensionContext current = context; current != null; current = current.getParent().orElse(null)) {
      ProcessTestEngine engine = current.getStore(NAMESPACE).get(ENGINE, ProcessTestEngine.class);
      if (engine != null) {
        return engine;
      }
    }
    throw new ExtensionConfigurationException("Expected a process-test engine for " + context.getDisplayName()
        + ", but none was started (is the class annotated with @ProcessTest?)");
  }

  private static Instant startAt(ProcessTest settings, ExtensionContext context) {
    if (settings.startAt().isEmpty()) {
      return Instant.now();
    }
    try {
      return Instant.parse(settings.startAt());
    } catch (DateTimeParseException e) {
      throw new ExtensionConfigurationException("Expected @ProcessTest(startAt) on " + context.getRequiredTestClass()
          .getName() + " to be an ISO-8601 instant such as 2026-12-01T09:00:00Z, but got '" + settings.startAt() + "'");
    }
  }

  /** Sets the non-final fields of the kit's types: static ones before all tests, instance ones per instance. */
  private static void inject(Class<?> type, Object instance, ProcessTestEngine engine, boolean statics)
      throws IllegalAccessException {
    for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
      for (Field field : current.getDeclaredFields()) {
        boolean isStatic = Modifier.isStatic(field.getModifiers());
        if (isStatic != statics || Modifier.isFinal(field.getModifiers())) {
          continue;
        }
        if (field.getType() == ProcessTestEngine.class || field.getType() == CamundaClient.class) {
          field.setAccessible(true);
          field.set(instance, field.getType() == CamundaClient.class ? engine.client() : engine);
        }
      }
    }
  }
}
