package dev.engranaje.workers.mail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.engranaje.workers.api.Secret;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Worker inputs from maps, as the runtime maps job variables (secret references resolved). */
final class MailInputs {
  private static final ObjectMapper MAPPER = MailTestServers.json().copy()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .registerModule(new SimpleModule().addDeserializer(Secret.class, new JsonDeserializer<>() {
        @Override
        public Secret deserialize(JsonParser parser, DeserializationContext context) throws IOException {
          String value = parser.getValueAsString();
          // "secrets.MAIL_PASSWORD" is the real one; "wrong:<value>" stands for a secret holding a wrong password
          return value.startsWith("wrong:") ? new Secret(MailTestServers.SECRET_NAME, value.substring(6))
              : MailTestServers.password();
        }
      }));

  private MailInputs() {}

  static SendMailInput send(int port, Map<String, Object> values) {
    Map<String, Object> all = new LinkedHashMap<>(Map.of("host", MailTestServers.HOST, "port", port, "security", "none",
        "from", "Engranaje Bot <bot@acme.example>", "to", "ana@example.com", "subject", "Hello",
        "textBody", "Hello"));
    all.putAll(values);
    return MAPPER.convertValue(all, SendMailInput.class);
  }

  static FetchMailInput fetch(int port, Map<String, Object> values) {
    Map<String, Object> all = new LinkedHashMap<>(Map.of("host", MailTestServers.HOST, "port", port, "security", "none",
        "username", MailTestServers.LOGIN, "password", "secrets." + MailTestServers.SECRET_NAME));
    all.putAll(values);
    return MAPPER.convertValue(all, FetchMailInput.class);
  }
}
