package dev.engranaje.engine.expression;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts FEEL results to JSON-compatible Java values as Zeebe does: whole numbers become Long,
 * other numbers Double, temporal values their ISO string, contexts maps and lists lists.
 */
public final class FeelValues {

  private FeelValues() {}

  public static Object toJsonValue(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Number number) {
      return toJsonNumber(number);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> result = new LinkedHashMap<>();
      map.forEach((k, v) -> result.put(String.valueOf(k), toJsonValue(v)));
      return result;
    }
    if (value instanceof Iterable<?> iterable) {
      List<Object> result = new ArrayList<>();
      iterable.forEach(item -> result.add(toJsonValue(item)));
      return result;
    }
    if (value instanceof scala.collection.Map<?, ?> map) {
      Map<String, Object> result = new LinkedHashMap<>();
      scala.collection.Iterator<?> keys = map.keysIterator();
      while (keys.hasNext()) {
        Object key = keys.next();
        @SuppressWarnings("unchecked")
        Object item = ((scala.collection.Map<Object, ?>) map).apply(key);
        result.put(String.valueOf(key), toJsonValue(item));
      }
      return result;
    }
    if (value instanceof scala.collection.Iterable<?> iterable) {
      List<Object> result = new ArrayList<>();
      Iterator<?> items = scala.jdk.javaapi.CollectionConverters.asJava(iterable.iterator());
      items.forEachRemaining(item -> result.add(toJsonValue(item)));
      return result;
    }
    if (value instanceof scala.math.BigDecimal decimal) {
      return toJsonNumber(decimal.bigDecimal());
    }
    if (value instanceof TemporalAccessor || value instanceof TemporalAmount) {
      return value.toString();
    }
    // FEEL functions and other non-data values have no JSON form
    return null;
  }

  private static Object toJsonNumber(Number number) {
    if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
      return number.longValue();
    }
    if (number instanceof Double || number instanceof Float) {
      double d = number.doubleValue();
      return isWhole(d) ? (Object) (long) d : (Object) d;
    }
    BigDecimal decimal =
        number instanceof BigDecimal bd
            ? bd
            : number instanceof BigInteger bi ? new BigDecimal(bi) : new BigDecimal(number.toString());
    if (decimal.signum() == 0 || decimal.stripTrailingZeros().scale() <= 0) {
      try {
        return decimal.longValueExact();
      } catch (ArithmeticException tooLarge) {
        return decimal.doubleValue();
      }
    }
    return decimal.doubleValue();
  }

  private static boolean isWhole(double d) {
    return !Double.isInfinite(d) && d == Math.rint(d) && Math.abs(d) < 9.0e15;
  }
}
