package dev.engranaje.workers.catalog;

import dev.engranaje.workers.api.JobType;
import dev.engranaje.workers.api.JobWorker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The worker classes of this module by job type, found in the compiled main classes: every class
 * annotated with {@link JobType} that implements {@link JobWorker}. Their input and output types come
 * from the {@code JobWorker<I, O>} declaration, so no worker (or its settings) has to be created.
 */
final class WorkerClasses {
  private static final Path MAIN_CLASSES = Path.of("target", "classes");

  record WorkerClass(Class<?> type, String jobType, Class<?> input, Class<?> output) {}

  private WorkerClasses() {}

  static Map<String, WorkerClass> byJobType() {
    Map<String, WorkerClass> workers = new TreeMap<>();
    try (Stream<Path> files = Files.walk(MAIN_CLASSES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = MAIN_CLASSES.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
        Class<?> type = load(name);
        JobType jobType = type.getAnnotation(JobType.class);
        if (jobType != null && JobWorker.class.isAssignableFrom(type)) {
          Type[] arguments = jobWorkerArguments(type);
          workers.put(jobType.value(), new WorkerClass(type, jobType.value(), raw(arguments[0]), raw(arguments[1])));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return workers;
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, WorkerClasses.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Type[] jobWorkerArguments(Class<?> type) {
    for (Class<?> current = type; current != null; current = current.getSuperclass()) {
      for (Type declared : current.getGenericInterfaces()) {
        if (declared instanceof ParameterizedType parameterized && parameterized.getRawType() == JobWorker.class) {
          return parameterized.getActualTypeArguments();
        }
      }
    }
    throw new IllegalStateException("Expected " + type.getName() + " to declare JobWorker<I, O>, but it does not");
  }

  private static Class<?> raw(Type type) {
    return type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType() : (Class<?>) type;
  }
}
