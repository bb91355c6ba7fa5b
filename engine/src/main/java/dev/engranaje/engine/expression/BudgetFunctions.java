package dev.engranaje.engine.expression;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.camunda.feel.context.JavaFunction;
import org.camunda.feel.context.JavaFunctionProvider;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValBoolean;
import org.camunda.feel.syntaxtree.ValError;
import org.camunda.feel.syntaxtree.ValFatalError;
import org.camunda.feel.syntaxtree.ValList;
import org.camunda.feel.syntaxtree.ValNumber;
import org.camunda.feel.syntaxtree.ValString;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The functions {@link FeelAst} wraps into a parsed tree to keep an evaluation within its {@link
 * FeelBudget}: the range and iterator checks, and interruptible twins of the regular-expression
 * built-ins {@code matches}, {@code replace}, {@code split} and {@code extract} (FEEL runs those on
 * {@link java.util.regex}, which never checks for interruption, so a catastrophic pattern would
 * keep a thread busy for good; the twins read their input through a view that stops at the
 * interruption that ends an over-budget evaluation). The twins do what the built-ins do.
 *
 * <p>A refusal is recorded for the evaluating thread, so the failure names the budget even where
 * FEEL would turn the error into {@code null}. Thread-safe.
 */
final class BudgetFunctions extends JavaFunctionProvider {
  static final String RANGE_TOO_LARGE = "its range %s..%s has %s items, more than the FEEL budget of %d"
      + " (raise it with --max-feel-range)";
  static final String PRODUCT_TOO_LARGE = "its %d iterators combine into more than %d items, the FEEL budget"
      + " (raise it with --max-feel-range)";

  /** Set on the evaluating thread when a check refused. */
  private static final ThreadLocal<String> REFUSAL = new ThreadLocal<>();
  /** The running products of the iterator lists of the multi-iterator loops being evaluated. */
  private static final ThreadLocal<ArrayDeque<Long>> PRODUCTS = ThreadLocal.withInitial(ArrayDeque::new);

  private final FeelBudget budget;
  private final Map<String, List<JavaFunction>> functions;

  BudgetFunctions(FeelBudget budget) {
    this.budget = budget;
    Function<List<Val>, Val> matches =
        regex(2, (pattern, args) -> new ValBoolean(pattern.matcher(text(args.get(0))).find()));
    Function<List<Val>, Val> replace = regex(3, (pattern, args) -> args.get(2) instanceof ValString replacement
        ? new ValString(pattern.matcher(text(args.get(0))).replaceAll(replacement.value()))
        : illegal(args));
    this.functions = Map.of(
        FeelAst.RANGE_END, List.of(new JavaFunction(List.of("start", "end"), this::rangeEnd)),
        FeelAst.ITERATOR, List.of(new JavaFunction(List.of("index", "count", "list"), this::iterator)),
        FeelAst.TWIN + "matches", List.of(new JavaFunction(List.of("input", "pattern"), matches),
            new JavaFunction(List.of("input", "pattern", "flags"), matches)),
        FeelAst.TWIN + "replace", List.of(new JavaFunction(List.of("input", "pattern", "replacement"), replace),
            new JavaFunction(List.of("input", "pattern", "replacement", "flags"), replace)),
        FeelAst.TWIN + "split", List.of(new JavaFunction(List.of("string", "delimiter"),
            regex(2, (pattern, args) -> strings(List.of(pattern.split(text(args.get(0)), -1)))))),
        FeelAst.TWIN + "extract", List.of(new JavaFunction(List.of("input", "pattern"), regex(2, (pattern, args) -> {
          List<String> found = new ArrayList<>();
          Matcher matcher = pattern.matcher(text(args.get(0)));
          while (matcher.find()) {
            found.add(matcher.group());
          }
          return strings(found);
        }))));
  }

  /** Clears what an earlier evaluation on this thread left. */
  static void startEvaluation() {
    REFUSAL.remove();
    PRODUCTS.get().clear();
  }

  /** @return why a check refused during this thread's evaluation, or null */
  static String refusal() {
    String refusal = REFUSAL.get();
    REFUSAL.remove();
    return refusal;
  }

  private Val refuse(String reason) {
    PRODUCTS.get().clear();
    REFUSAL.set(reason);
    return new ValFatalError(reason);
  }

  private Val rangeEnd(List<Val> arguments) {
    if (arguments.get(0) instanceof ValNumber from && arguments.get(1) instanceof ValNumber to) {
      BigDecimal items = to.value().bigDecimal().subtract(from.value().bigDecimal()).abs().add(BigDecimal.ONE);
      if (items.compareTo(BigDecimal.valueOf(budget.maxRangeItems())) > 0) {
        return refuse(String.format(RANGE_TOO_LARGE, from.value(), to.value(), items.toPlainString(),
            budget.maxRangeItems()));
      }
    }
    return arguments.get(1);
  }

  private Val iterator(List<Val> arguments) {
    int index = ((ValNumber) arguments.get(0)).value().intValue();
    int count = ((ValNumber) arguments.get(1)).value().intValue();
    Val list = arguments.get(2);
    long size = list instanceof ValList items ? items.itemsAsSeq().size() : 1;
    ArrayDeque<Long> products = PRODUCTS.get();
    long product = index == 0 || products.isEmpty() ? size : multiply(products.pop(), size);
    if (product > budget.maxRangeItems()) {
      return refuse(String.format(PRODUCT_TOO_LARGE, count, budget.maxRangeItems()));
    }
    if (index < count - 1) {
      products.push(product);
    }
    return list;
  }

  private static long multiply(long a, long b) {
    try {
      return Math.multiplyExact(a, b);
    } catch (ArithmeticException overflow) {
      return Long.MAX_VALUE;
    }
  }

  /**
   * A regular-expression twin: the first argument is the input, the second the pattern; {@code
   * flagsAt} is the position of the optional flags (as the built-ins read them: s, m, i, x).
   */
  private static Function<List<Val>, Val> regex(int flagsAt, java.util.function.BiFunction<Pattern, List<Val>, Val> body) {
    return args -> {
      if (args.size() < 2 || args.size() > flagsAt + 1 || !(args.get(0) instanceof ValString)
          || !(args.get(1) instanceof ValString pattern)
          || args.size() == flagsAt + 1 && !(args.get(flagsAt) instanceof ValString)) {
        return illegal(args);
      }
      int flags = args.size() == flagsAt + 1 ? flags(((ValString) args.get(flagsAt)).value()) : 0;
      Pattern compiled;
      try {
        compiled = Pattern.compile(pattern.value(), flags);
      } catch (PatternSyntaxException e) {
        return new ValError("Invalid pattern '" + pattern.value() + "'");
      }
      return body.apply(compiled, args);
    };
  }

  private static int flags(String flags) {
    int result = 0;
    result |= flags.contains("s") ? Pattern.DOTALL : 0;
    result |= flags.contains("m") ? Pattern.MULTILINE : 0;
    result |= flags.contains("i") ? Pattern.CASE_INSENSITIVE : 0;
    result |= flags.contains("x") ? Pattern.COMMENTS : 0;
    return result;
  }

  private static Val illegal(List<Val> args) {
    return new ValError("Illegal arguments: " + args);
  }

  private static CharSequence text(Val value) {
    return new InterruptibleText(((ValString) value).value());
  }

  private static Val strings(Collection<String> items) {
    List<Val> values = new ArrayList<>();
    items.forEach(item -> values.add(new ValString(item)));
    return new ValList(CollectionConverters.asScala(values).toList());
  }

  @Override
  public Optional<JavaFunction> resolveFunction(String functionName) {
    return resolveFunctions(functionName).stream().findFirst();
  }

  @Override
  public List<JavaFunction> resolveFunctions(String functionName) {
    return functions.getOrDefault(functionName, List.of());
  }

  @Override
  public Collection<String> getFunctionNames() {
    return functions.keySet();
  }

  /** Text that a regular expression reads until the evaluating thread is interrupted. */
  private record InterruptibleText(CharSequence text) implements CharSequence {
    @Override
    public char charAt(int index) {
      if (Thread.currentThread().isInterrupted()) {
        throw new IllegalStateException("Expected to match within the FEEL budget, but the evaluation was stopped");
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new InterruptibleText(text.subSequence(start, end));
    }

    @Override
    public String toString() {
      return text.toString();
    }
  }
}
