package dev.engranaje.engine.processing;

/** A value or a {@link Failure}: how element behaviours report expected failures without exceptions. */
public record Outcome<T>(T value, Failure failure) {

  public static <T> Outcome<T> ok(T value) {
    return new Outcome<>(value, null);
  }

  public static <T> Outcome<T> failed(ErrorType type, String message) {
    return new Outcome<>(null, new Failure(type, message));
  }

  public static <T> Outcome<T> failed(Failure failure) {
    return new Outcome<>(null, failure);
  }

  public boolean isFailure() {
    return failure != null;
  }
}
