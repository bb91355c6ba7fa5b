package dev.engranaje.test.scenario;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The YAML loader for scenario files: SnakeYAML's safe constructor (no custom types, alias expansion
 * bounded), anchors and {@code <<} merges, but scalars read as analysts mean them: only
 * {@code true}/{@code false} are booleans ({@code yes}, {@code no}, {@code on} stay text), dates stay
 * text, and decimals are exact {@link BigDecimal}s, never doubles.
 */
final class ScenarioYaml {
  private ScenarioYaml() {}

  static Yaml loader() {
    LoaderOptions options = new LoaderOptions();
    DumperOptions dumper = new DumperOptions();
    return new Yaml(new ExactConstructor(options), new Representer(dumper), dumper, options, new PlainResolver());
  }

  private static final class PlainResolver extends Resolver {
    private static final Pattern BOOLEAN = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");

    @Override
    protected void addImplicitResolvers() {
      addImplicitResolver(Tag.BOOL, BOOLEAN, "tTfF");
      addImplicitResolver(Tag.INT, INT, "-+0123456789");
      addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
      addImplicitResolver(Tag.MERGE, MERGE, "<");
      addImplicitResolver(Tag.NULL, NULL, "~nN\0");
      addImplicitResolver(Tag.NULL, EMPTY, null);
    }
  }

  private static final class ExactConstructor extends SafeConstructor {
    ExactConstructor(LoaderOptions options) {
      super(options);
      yamlConstructors.put(Tag.FLOAT, new AbstractConstruct() {
        @Override
        public Object construct(Node node) {
          return new BigDecimal(constructScalar((ScalarNode) node).replace("_", ""));
        }
      });
    }
  }
}
