package dev.engranaje.engine.api.rest;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A small, strict {@code multipart/form-data} (RFC 7578) parser for in-memory bodies. */
final class MultipartParser {

  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};

  private MultipartParser() {}

  /**
   * One part of a form.
   *
   * @param name the form field name
   * @param filename the file name, or null for a plain field
   * @param content the part's bytes
   */
  record Part(String name, String filename, byte[] content) {

    String text() {
      return new String(content, StandardCharsets.UTF_8);
    }
  }

  static List<Part> parse(String contentType, byte[] body) {
    String boundary = boundary(contentType);
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    byte[] innerDelimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    int position = startsWith(body, 0, delimiter) ? 0 : indexOf(body, innerDelimiter, 0);
    if (position < 0) {
      throw RestRequest.badRequest("Multipart body has no part with boundary '" + boundary + "'");
    }
    position = position == 0 ? delimiter.length : position + innerDelimiter.length;
    List<Part> parts = new ArrayList<>();
    while (true) {
      if (startsWith(body, position, new byte[] {'-', '-'})) {
        return parts;
      }
      position = skipLinearWhitespace(body, position);
      if (!startsWith(body, position, CRLF)) {
        throw RestRequest.badRequest("Malformed multipart body: expected CRLF after a boundary");
      }
      position += CRLF.length;
      int headersEnd = indexOf(body, HEADER_END, position - CRLF.length);
      if (headersEnd < 0) {
        throw RestRequest.badRequest("Malformed multipart body: unterminated part headers");
      }
      String headers =
          headersEnd < position ? "" : headerText(Arrays.copyOfRange(body, position, headersEnd));
      int contentStart = headersEnd + HEADER_END.length;
      int contentEnd = indexOf(body, innerDelimiter, contentStart);
      if (contentEnd < 0) {
        throw RestRequest.badRequest("Malformed multipart body: missing closing boundary");
      }
      parts.add(part(headers, Arrays.copyOfRange(body, contentStart, contentEnd)));
      position = contentEnd + innerDelimiter.length;
    }
  }

  /**
   * Part headers in UTF-8 (RFC 7578) or, as Apache HttpClient's strict mode writes them,
   * ISO-8859-1.
   */
  private static String headerText(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
  }

  private static Part part(String headers, byte[] content) {
    String disposition = null;
    for (String line : headers.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0
          && line.substring(0, colon).trim().equalsIgnoreCase("Content-Disposition")) {
        disposition = line.substring(colon + 1).trim();
      }
    }
    if (disposition == null) {
      throw RestRequest.badRequest("Multipart part without a Content-Disposition header");
    }
    Map<String, String> params = parameters(disposition);
    String name = params.get("name");
    if (name == null) {
      throw RestRequest.badRequest("Multipart part without a field name");
    }
    String filename = params.containsKey("filename*")
        ? extendedValue(params.get("filename*"))
        : params.get("filename");
    return new Part(name, filename, content);
  }

  private static String boundary(String contentType) {
    if (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      throw RestRequest.badRequest(
          "Expected Content-Type multipart/form-data, but got " + contentType);
    }
    String boundary = parameters(contentType).get("boundary");
    if (boundary == null || boundary.isEmpty()) {
      throw RestRequest.badRequest("Multipart Content-Type without a boundary");
    }
    return boundary;
  }

  /** Parameters of a header value like {@code form-data; name="a"; filename="b.bpmn"}. */
  private static Map<String, String> parameters(String headerValue) {
    Map<String, String> params = new HashMap<>();
    int i = headerValue.indexOf(';');
    while (i >= 0 && i < headerValue.length()) {
      int start = i + 1;
      int equals = headerValue.indexOf('=', start);
      if (equals < 0) {
        break;
      }
      String key = headerValue.substring(start, equals).trim().toLowerCase(Locale.ROOT);
      StringBuilder value = new StringBuilder();
      int j = equals + 1;
      while (j < headerValue.length() && headerValue.charAt(j) == ' ') {
        j++;
      }
      if (j < headerValue.length() && headerValue.charAt(j) == '"') {
        j++;
        while (j < headerValue.length() && headerValue.charAt(j) != '"') {
          char c = headerValue.charAt(j);
          if (c == '\\' && j + 1 < headerValue.length()) {
            c = headerValue.charAt(++j);
          }
          value.append(c);
          j++;
        }
        j = headerValue.indexOf(';', j);
      } else {
        int end = headerValue.indexOf(';', j);
        value.append(headerValue.substring(j, end < 0 ? headerValue.length() : end).trim());
        j = end;
      }
      params.putIfAbsent(key, value.toString());
      i = j;
    }
    return params;
  }

  /** An RFC 5987 value such as {@code UTF-8''r%C3%A9sum%C3%A9.bpmn}. */
  private static String extendedValue(String value) {
    int first = value.indexOf('\'');
    int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
    if (second < 0) {
      return value;
    }
    Charset charset;
    try {
      charset = Charset.forName(value.substring(0, first));
    } catch (IllegalArgumentException e) {
      throw RestRequest.badRequest("Unknown charset in multipart file name: " + value);
    }
    return URLDecoder.decode(value.substring(second + 1).replace("+", "%2B"), charset);
  }

  private static int skipLinearWhitespace(byte[] body, int position) {
    while (position < body.length && (body[position] == ' ' || body[position] == '\t')) {
      position++;
    }
    return position;
  }

  private static boolean startsWith(byte[] body, int position, byte[] prefix) {
    if (position + prefix.length > body.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (body[position + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] body, byte[] pattern, int from) {
    for (int i = Math.max(0, from); i + pattern.length <= body.length; i++) {
      if (startsWith(body, i, pattern)) {
        return i;
      }
    }
    return -1;
  }
}
