package dev.engranaje.engine.expression;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.feel.syntaxtree.ConstNumber;
import org.camunda.feel.syntaxtree.EveryItem;
import org.camunda.feel.syntaxtree.Exp;
import org.camunda.feel.syntaxtree.Filter;
import org.camunda.feel.syntaxtree.For;
import org.camunda.feel.syntaxtree.FunctionDefinition;
import org.camunda.feel.syntaxtree.FunctionInvocation;
import org.camunda.feel.syntaxtree.IterationContext;
import org.camunda.feel.syntaxtree.PositionalFunctionParameters;
import org.camunda.feel.syntaxtree.QualifiedFunctionInvocation;
import org.camunda.feel.syntaxtree.SomeItem;
import scala.Product;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Prepares a parsed FEEL tree for budgeted evaluation.
 *
 * <p>FEEL builds the whole list of a {@code for} range such as {@code 1..n} at once, without any
 * point where it could be interrupted, so {@code for i in 1..100000000 return i} would exhaust the
 * heap before any time limit fires. The guard rewrites every range end {@code e} into a call of
 * {@value #RANGE_END}{@code (start, e)}, a function that refuses a range larger than the budget
 * before FEEL builds it; this works for literal and computed bounds alike.
 *
 * <p>It also tells whether the tree is <em>bounded</em>: small, without loops, quantifiers, user
 * functions, filters or regular expressions, so that its cost is proportional to its (small) size
 * and it can be evaluated on the caller's thread without the budget's thread hand-off.
 *
 * <p>The tree is walked recursively: callers run this on a thread with a large stack. Stateless.
 */
final class FeelAst {

  /** The name of the range check; not a name a FEEL expression can call (it contains '$'). */
  static final String RANGE_END = "engranaje$rangeEnd";
  /**
   * The name of the iterator check: a {@code for}, {@code some} or {@code every} with several
   * iterators builds their whole cartesian product at once, so each iterator's list is wrapped in
   * {@code engranaje$iterator(index, count, list)}, which refuses a product over the budget.
   */
  static final String ITERATOR = "engranaje$iterator";

  /** The prefix of the interruptible twins of the regular-expression built-ins ({@link BudgetFunctions}). */
  static final String TWIN = "engranaje$";

  /** More nodes than this, and an expression is evaluated under the full budget. */
  private static final int BOUNDED_NODES = 64;

  /** Built-ins that run regular expressions (catastrophic backtracking) or user functions. */
  private static final Set<String> UNBOUNDED_FUNCTIONS = Set.of("matches", "replace", "split", "sort", "extract");
  /** The regular-expression built-ins, replaced by interruptible twins. */
  private static final Set<String> REGEX_FUNCTIONS = Set.of("matches", "replace", "split", "extract");

  /** A rewritten tree and whether it is bounded. */
  record Guarded(Exp expression, boolean bounded) {}

  private FeelAst() {}

  static Guarded guard(Exp expression) {
    Walk walk = new Walk();
    Exp rewritten = (Exp) walk.rewrite(expression);
    return new Guarded(rewritten, !walk.unbounded && walk.nodes <= BOUNDED_NODES);
  }

  private static final class Walk {
    private int nodes;
    private boolean unbounded;

    private scala.collection.immutable.List<scala.Tuple2<String, Exp>> guardIterators(
        scala.collection.immutable.List<scala.Tuple2<String, Exp>> iterators) {
      List<scala.Tuple2<String, Exp>> guarded = new ArrayList<>();
      int count = iterators.size();
      for (scala.Tuple2<String, Exp> iterator : CollectionConverters.asJava(iterators)) {
        Exp list = (Exp) rewrite(iterator._2());
        List<Exp> arguments = List.of(new ConstNumber(scala.math.BigDecimal.valueOf(guarded.size())),
            new ConstNumber(scala.math.BigDecimal.valueOf(count)), list);
        guarded.add(new scala.Tuple2<>(iterator._1(),
            new FunctionInvocation(ITERATOR, new PositionalFunctionParameters(scalaList(arguments)))));
      }
      return scalaList(guarded);
    }

    Object rewrite(Object node) {
      if (node instanceof Exp) {
        nodes++;
        if (node instanceof For || node instanceof SomeItem || node instanceof EveryItem
            || node instanceof FunctionDefinition || node instanceof Filter || node instanceof IterationContext
            || node instanceof QualifiedFunctionInvocation
            || node instanceof FunctionInvocation call && UNBOUNDED_FUNCTIONS.contains(call.function())) {
          unbounded = true;
        }
      }
      if (node instanceof FunctionInvocation call && REGEX_FUNCTIONS.contains(call.function())
          && call.params() instanceof PositionalFunctionParameters params) {
        return new FunctionInvocation(TWIN + call.function(), (PositionalFunctionParameters) rewrite(params));
      }
      if (node instanceof IterationContext range) {
        Exp start = (Exp) rewrite(range.start());
        Exp end = (Exp) rewrite(range.end());
        return new IterationContext(start, new FunctionInvocation(RANGE_END,
            new PositionalFunctionParameters(scalaList(List.of(start, end)))));
      }
      if (node instanceof For loop && loop.iterators().size() > 1) {
        return new For(guardIterators(loop.iterators()), (Exp) rewrite(loop.exp()));
      }
      if (node instanceof SomeItem some && some.iterators().size() > 1) {
        return new SomeItem(guardIterators(some.iterators()), (Exp) rewrite(some.condition()));
      }
      if (node instanceof EveryItem every && every.iterators().size() > 1) {
        return new EveryItem(guardIterators(every.iterators()), (Exp) rewrite(every.condition()));
      }
      if (node instanceof scala.collection.immutable.List<?> list) {
        List<Object> items = new ArrayList<>();
        boolean changed = false;
        for (Object item : CollectionConverters.asJava(list)) {
          Object rewritten = rewrite(item);
          changed |= rewritten != item;
          items.add(rewritten);
        }
        return changed ? scalaList(items) : node;
      }
      if (node instanceof Product product && product.productArity() > 0 && isTreeNode(node)) {
        Object[] arguments = new Object[product.productArity()];
        boolean changed = false;
        for (int i = 0; i < arguments.length; i++) {
          Object element = product.productElement(i);
          arguments[i] = rewrite(element);
          changed |= arguments[i] != element;
        }
        return changed ? rebuild(node, arguments) : node;
      }
      return node;
    }
  }

  /** FEEL's syntax tree classes and the Scala containers they use. */
  private static boolean isTreeNode(Object node) {
    return node.getClass().getName().startsWith("org.camunda.feel.syntaxtree.")
        || node instanceof scala.Tuple2 || node instanceof scala.Some;
  }

  private static Object rebuild(Object node, Object[] arguments) {
    for (Constructor<?> constructor : node.getClass().getConstructors()) {
      if (constructor.getParameterCount() == arguments.length) {
        try {
          return constructor.newInstance(arguments);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("Expected to rebuild FEEL node " + node.getClass().getSimpleName()
              + ", but its constructor failed", e);
        }
      }
    }
    throw new IllegalStateException("Expected FEEL node " + node.getClass().getSimpleName()
        + " to have a constructor taking its " + arguments.length + " fields, but it has none");
  }

  @SuppressWarnings("unchecked")
  private static <T> scala.collection.immutable.List<T> scalaList(List<? extends Object> items) {
    return (scala.collection.immutable.List<T>) CollectionConverters.asScala(items).toList();
  }
}
