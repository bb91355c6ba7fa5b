package dev.engranaje.workers.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.engranaje.workers.api.TechnicalFailure;
import dev.engranaje.workers.fuzz.ByteMutations;
import dev.engranaje.workers.http.HttpRequestInput;
import dev.engranaje.workers.mail.FetchMailInput;
import dev.engranaje.workers.mail.SendMailInput;
import dev.engranaje.workers.secrets.Redactor;
import dev.engranaje.workers.secrets.SecretResolver;
import dev.engranaje.workers.secrets.SecretSource;
import dev.engranaje.workers.web.RunWebScriptInput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Issue 9's fuzzing of the worker input mapping: random job variables and headers (right and wrong
 * types, nesting, secret references known and unknown, literal values for secret fields) mapped onto
 * the HTTP, mail and web workers' input records. Each maps, or fails with a permanent {@link
 * TechnicalFailure} naming the job type; never another exception type, never a hang.
 */
class InputMapperFuzzTest {
  private static final Duration HANG = Duration.ofSeconds(30);
  private static final List<Class<? extends Record>> INPUTS = List.of(HttpRequestInput.class, SendMailInput.class,
      FetchMailInput.class, RunWebScriptInput.class);
  private static final List<String> TEXTS = List.of("", " ", "secrets.KNOWN", "{{secrets.KNOWN}}", "secrets.UNKNOWN",
      "{{ secrets.PATH }}", "literal-password", "GET", "POST", "http://127.0.0.1:1/x", "not a url", "basic", "oauth2",
      "ssl", "starttls", "none", "30", "-1", "9999999999999999999999", "1.5", "true", "null", "[", "{", "\u0000", "é");

  private final InputMapper mapper = new InputMapper(new ObjectMapper().registerModule(new JavaTimeModule()),
      new SecretResolver(SecretSource.of(Map.of("KNOWN", "known-secret-value")), new Redactor()));

  @TestFactory
  Stream<DynamicTest> shouldMapOrFailPermanentlyWhenVariablesAreRandom() {
    Random random = new Random(ByteMutations.SEED);
    return IntStream.range(0, ByteMutations.tries(300)).mapToObj(i -> {
      Class<? extends Record> type = INPUTS.get(random.nextInt(INPUTS.size()));
      Map<String, Object> variables = variables(type, random);
      Map<String, String> headers = new HashMap<>();
      variables.forEach((name, value) -> {
        if (random.nextInt(4) == 0 && value instanceof String text) {
          headers.put(name, text);
        }
      });
      return DynamicTest.dynamicTest(type.getSimpleName() + " " + i, () -> assertTimeoutPreemptively(HANG, () -> {
        try {
          mapper.map("fuzz:" + type.getSimpleName(), headers, variables, type);
        } catch (TechnicalFailure failure) {
          assertThat(failure.isRetryable()).isFalse();
          assertThat(failure.getMessage()).startsWith("Expected the input of job type 'fuzz:" + type.getSimpleName() + "'")
              .doesNotContain("known-secret-value");
        }
      }));
    });
  }

  private static Map<String, Object> variables(Class<? extends Record> type, Random random) {
    List<String> names = new ArrayList<>(Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).toList());
    names.add("unexpected");
    Map<String, Object> variables = new HashMap<>();
    for (String name : names) {
      if (random.nextInt(3) > 0) {
        variables.put(name, value(random, 3));
      }
    }
    return variables;
  }

  private static Object value(Random random, int depth) {
    int kind = random.nextInt(depth > 0 ? 8 : 6);
    return switch (kind) {
      case 0, 1 -> TEXTS.get(random.nextInt(TEXTS.size()));
      case 2 -> random.nextInt();
      case 3 -> random.nextBoolean();
      case 4 -> random.nextDouble() * 1e6;
      case 5 -> null;
      case 6 -> IntStream.range(0, random.nextInt(4)).mapToObj(i -> value(random, depth - 1)).toList();
      default -> {
        Map<String, Object> map = new HashMap<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          map.put(TEXTS.get(random.nextInt(TEXTS.size())), value(random, depth - 1));
        }
        yield map;
      }
    };
  }
}
