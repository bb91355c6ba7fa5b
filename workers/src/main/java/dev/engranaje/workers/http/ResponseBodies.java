package dev.engranaje.workers.http;

import dev.engranaje.workers.api.TechnicalFailure;
import dev.engranaje.workers.secrets.Redactor;
import dev.engranaje.workers.workspace.Workspace;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads response bodies for one job: small text bodies inline, big or binary ones streamed to a
 * workspace file (the requested {@code responseFile}, else {@code http/<jobKey>-response.<ext>}).
 * Text is redacted line by line on the way, so a secret a server echoes back is masked in variables
 * and files alike; binary bodies are written as received. Error bodies are read up to {@value
 * #SNIPPET_BYTES} bytes, only for messages.
 */
final class ResponseBodies {
  static final int SNIPPET_BYTES = 2048;
  static final int MESSAGE_CHARS = 300;
  private static final Set<String> HIDDEN_HEADERS = Set.of("set-cookie", "set-cookie2", "authorization", "proxy-authorization");
  private static final Map<String, String> EXTENSIONS = Map.of(
      "json", ".json", "xml", ".xml", "csv", ".csv", "text/plain", ".txt", "html", ".html", "pdf", ".pdf", "zip", ".zip");

  private final Workspace workspace;
  private final Redactor redactor;
  private final long jobKey;

  ResponseBodies(Workspace workspace, Redactor redactor, long jobKey) {
    this.workspace = workspace;
    this.redactor = redactor;
    this.jobKey = jobKey;
  }

  /** A successful response: inline when small text, else saved to a file. */
  RecordedResponse keep(HttpResponse<InputStream> response, String responseFile, int maxInlineBytes) throws IOException, TechnicalFailure {
    String type = response.headers().firstValue("content-type").orElse(null);
    Map<String, String> headers = headers(response.headers());
    try (InputStream in = response.body()) {
      if (responseFile != null && !responseFile.isBlank()) {
        return new RecordedResponse(response.statusCode(), headers, type, null, save(in, workspace.resolveForWriting(responseFile), type));
      }
      byte[] start = in.readNBytes(maxInlineBytes + 1);
      if (start.length == 0) {
        return new RecordedResponse(response.statusCode(), headers, type, null, null);
      }
      String text = start.length <= maxInlineBytes ? asText(start, type) : null;
      if (text != null) {
        return new RecordedResponse(response.statusCode(), headers, type, redactor.redact(text), null);
      }
      Path file = workspace.resolveForWriting("http/" + jobKey + "-response" + extension(type));
      InputStream whole = new SequenceInputStream(new ByteArrayInputStream(start), in);
      return new RecordedResponse(response.statusCode(), headers, type, null, save(whole, file, type));
    }
  }

  /** An error response: status, headers and the start of the body as text. */
  RecordedResponse keepError(HttpResponse<InputStream> response) throws IOException {
    String type = response.headers().firstValue("content-type").orElse(null);
    return new RecordedResponse(response.statusCode(), headers(response.headers()), type, snippet(response), null);
  }

  /** The start of the body as redacted text, closing the response. */
  String snippet(HttpResponse<InputStream> response) throws IOException {
    try (InputStream in = response.body()) {
      byte[] start = in.readNBytes(SNIPPET_BYTES);
      String type = response.headers().firstValue("content-type").orElse(null);
      return redactor.redact(new String(start, charset(type)));
    }
  }

  /** Text trimmed for a failure message. */
  static String forMessage(String text) {
    if (text == null || text.isBlank()) {
      return "(empty body)";
    }
    String oneLine = text.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= MESSAGE_CHARS ? oneLine : oneLine.substring(0, MESSAGE_CHARS) + "…";
  }

  static void discard(HttpResponse<InputStream> response) {
    try (InputStream in = response.body()) {
      in.transferTo(OutputStream.nullOutputStream());
    } catch (IOException ignored) {
      // the connection is dropped; nothing of this response is used
    }
  }

  private String save(InputStream in, Path target, String type) throws IOException {
    Path part = Files.createTempFile(target.getParent(), ".http-", ".part");
    try {
      try (OutputStream out = Files.newOutputStream(part)) {
        if (isText(type)) {
          copyRedactingLines(in, out, charset(type));
        } else {
          in.transferTo(out);
        }
      }
      Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return workspace.reference(target);
    } finally {
      Files.deleteIfExists(part);
    }
  }

  // Secrets never span lines, so one line at a time is enough and keeps memory bounded by a line.
  private void copyRedactingLines(InputStream in, OutputStream out, Charset charset) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
      int start = 0;
      for (int i = 0; i < read; i++) {
        if (buffer[i] == '\n') {
          line.write(buffer, start, i + 1 - start);
          flushLine(line, out, charset);
          start = i + 1;
        }
      }
      line.write(buffer, start, read - start);
    }
    flushLine(line, out, charset);
  }

  private void flushLine(ByteArrayOutputStream line, OutputStream out, Charset charset) throws IOException {
    byte[] bytes = line.toByteArray();
    line.reset();
    String text = new String(bytes, charset);
    out.write(redactor.leaks(text) ? redactor.redact(text).getBytes(charset) : bytes);
  }

  private static String asText(byte[] bytes, String type) {
    if (type != null && !isText(type)) {
      return null;
    }
    try {
      return charset(type).newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException binary) {
      return null;
    }
  }

  static boolean isText(String type) {
    if (type == null) {
      return false;
    }
    String lower = type.toLowerCase(Locale.ROOT);
    return lower.startsWith("text/") || lower.contains("json") || lower.contains("xml") || lower.contains("csv")
        || lower.contains("x-www-form-urlencoded") || lower.contains("javascript") || lower.contains("yaml");
  }

  private static Charset charset(String type) {
    if (type != null) {
      for (String parameter : type.split(";")) {
        String trimmed = parameter.trim();
        if (trimmed.toLowerCase(Locale.ROOT).startsWith("charset=")) {
          try {
            Charset charset = Charset.forName(trimmed.substring(8).replace("\"", "").trim());
            // line splitting on '\n' bytes needs an ASCII-compatible charset
            boolean wide = charset.name().startsWith("UTF-16") || charset.name().startsWith("UTF-32");
            return wide ? StandardCharsets.UTF_8 : charset;
          } catch (IllegalArgumentException unknown) {
            return StandardCharsets.UTF_8;
          }
        }
      }
    }
    return StandardCharsets.UTF_8;
  }

  private static String extension(String type) {
    if (type == null) {
      return ".bin";
    }
    String lower = type.toLowerCase(Locale.ROOT);
    return EXTENSIONS.entrySet().stream().filter(e -> lower.contains(e.getKey())).map(Map.Entry::getValue)
        .sorted().findFirst().orElse(".bin");
  }

  private Map<String, String> headers(HttpHeaders headers) {
    Map<String, String> kept = new TreeMap<>();
    for (Map.Entry<String, List<String>> header : headers.map().entrySet()) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      if (!HIDDEN_HEADERS.contains(name) && !name.startsWith(":")) {
        kept.put(name, redactor.redact(String.join(", ", header.getValue())));
      }
    }
    return kept;
  }
}
