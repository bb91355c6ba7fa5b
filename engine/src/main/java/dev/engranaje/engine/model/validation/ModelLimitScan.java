package dev.engranaje.engine.model.validation;

import dev.engranaje.engine.expression.ExpressionScan;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;
import javax.xml.parsers.ParserConfigurationException;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Checks a resource against the {@link ModelLimits} in one streaming pass, before the model is
 * built: the number of BPMN elements, and the length and bracket nesting of every FEEL expression
 * (attribute values starting with {@code =}, the loop attributes that are FEEL without it, and the
 * text of conditions and timers). So an oversized model or expression is refused by name before
 * anything recursive (the FEEL parser) or large (the model's DOM) touches it. Stateless.
 */
final class ModelLimitScan {

  static final String TOO_MANY_ELEMENTS =
      "Expected at most %d BPMN elements in one resource (raise it with --max-model-elements), but it has more";
  static final String EXPRESSION_OVER_LIMIT =
      "Expected the FEEL expression in %s to be within the expression limits, but %s";

  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  /** Reference lists, not elements of their own. */
  private static final Set<String> NOT_COUNTED = Set.of("incoming", "outgoing");
  /** Attributes that are FEEL even without a leading '='. */
  private static final Set<String> FEEL_ATTRIBUTES = Set.of("inputCollection", "outputElement");
  /** Elements whose text is an expression. */
  private static final Set<String> EXPRESSION_TEXTS = Set.of("conditionExpression", "completionCondition",
      "timeDate", "timeDuration", "timeCycle");

  private ModelLimitScan() {}

  static void check(byte[] content, ModelLimits limits, Findings findings) {
    Handler handler = new Handler(limits, findings);
    try {
      SafeXml.newFactory().newSAXParser().parse(new ByteArrayInputStream(content), handler);
    } catch (Stop stop) {
      findings.add(null, TOO_MANY_ELEMENTS, limits.maxElements());
    } catch (SAXException | IOException | ParserConfigurationException e) {
      // SafeXml has already reported what is wrong with the document
    }
  }

  /** Ends the scan at the first element over the limit. */
  private static final class Stop extends SAXException {
    Stop() {
      super("too many elements");
    }
  }

  private static final class Handler extends DefaultHandler {
    private final ModelLimits limits;
    private final Findings findings;
    private final Deque<String> ids = new ArrayDeque<>();
    private final StringBuilder text = new StringBuilder();
    private String textElement;
    private int elements;

    Handler(ModelLimits limits, Findings findings) {
      this.limits = limits;
      this.findings = findings;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
      if (BPMN.equals(uri) && !NOT_COUNTED.contains(localName) && ++elements > limits.maxElements()) {
        throw new Stop();
      }
      // an expression element's own generated id means nothing to the modeller: name its owner
      String id = EXPRESSION_TEXTS.contains(localName) ? null : attributes.getValue("id");
      ids.push(id != null ? id : ids.isEmpty() ? "" : ids.peek());
      for (int i = 0; i < attributes.getLength(); i++) {
        String value = attributes.getValue(i).trim();
        if (value.startsWith("=") || FEEL_ATTRIBUTES.contains(attributes.getLocalName(i))) {
          checkExpression("attribute '" + attributes.getQName(i) + "' of '" + qName + "'", value);
        }
      }
      text.setLength(0);
      textElement = EXPRESSION_TEXTS.contains(localName) ? qName : null;
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (textElement != null) {
        text.append(ch, start, length);
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      if (textElement != null) {
        checkExpression("the text of '" + textElement + "'", text.toString().trim());
        textElement = null;
      }
      ids.pop();
    }

    private void checkExpression(String where, String value) {
      String expression = value.startsWith("=") ? value.substring(1) : value;
      Optional<String> problem =
          ExpressionScan.check(expression, limits.maxExpressionLength(), limits.maxExpressionNesting());
      String id = ids.isEmpty() || ids.peek().isEmpty() ? null : ids.peek();
      problem.ifPresent(reason -> findings.add(id, EXPRESSION_OVER_LIMIT, where, reason));
    }
  }
}
