package dev.engranaje.cli.ops;

import java.time.OffsetDateTime;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads time-range options through {@link Times#parse}; a bad value is a usage error naming the forms accepted. */
final class TimeConverter implements ITypeConverter<OffsetDateTime> {
  @Override
  public OffsetDateTime convert(String value) {
    try {
      return Times.system().parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
