package dev.engranaje.workers.runtime;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.engranaje.workers.api.Secret;
import dev.engranaje.workers.api.TechnicalFailure;
import dev.engranaje.workers.secrets.SecretResolver;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps a job's task headers and variables (variables win) onto a worker's input record. Properties
 * the record does not declare are ignored; {@link Secret} properties must be references and are
 * resolved here. A mismatch is a permanent failure naming the property: retrying cannot fix it.
 */
final class InputMapper {
  static final String MISMATCH = "Expected the input of job type '%s' to fit %s, but %s";

  private final ObjectMapper mapper;

  InputMapper(ObjectMapper json, SecretResolver secrets) {
    SimpleModule secretReferences = new SimpleModule("secret-references");
    secretReferences.addDeserializer(Secret.class, new SecretDeserializer(secrets));
    this.mapper = json.copy().registerModule(secretReferences).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  <I> I map(String jobType, Map<String, String> headers, Map<String, Object> variables, Class<I> inputType)
      throws TechnicalFailure {
    Map<String, Object> merged = new LinkedHashMap<>(headers);
    merged.putAll(variables);
    try {
      return mapper.convertValue(merged, inputType);
    } catch (IllegalArgumentException e) {
      String problem = e.getCause() instanceof JsonMappingException mapping ? describe(mapping) : e.getMessage();
      throw TechnicalFailure.permanent(String.format(MISMATCH, jobType, inputType.getSimpleName(), problem), e);
    }
  }

  private static String describe(JsonMappingException mapping) {
    String path = mapping.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
        .orElse("(root)");
    return "property '" + path + "' is invalid: " + mapping.getOriginalMessage();
  }

  private static final class SecretDeserializer extends JsonDeserializer<Secret> {
    private final SecretResolver secrets;

    SecretDeserializer(SecretResolver secrets) {
      this.secrets = secrets;
    }

    @Override
    public Secret deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      String reference = parser.getValueAsString();
      try {
        return secrets.resolve(reference);
      } catch (TechnicalFailure failure) {
        throw JsonMappingException.from(parser, failure.getMessage());
      }
    }
  }
}
