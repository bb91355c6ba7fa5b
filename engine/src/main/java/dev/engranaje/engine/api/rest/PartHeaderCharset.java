package dev.engranaje.engine.api.rest;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.util.SearchPattern;

/**
 * Part headers in UTF-8 for Jetty's multipart parser. RFC 7578 says part headers are UTF-8, and
 * Jetty decodes them so; Apache HttpClient's strict mode (the Camunda client's) writes a file name
 * such as {@code größe.bpmn} in ISO-8859-1 instead. A header block that is not valid UTF-8 is
 * therefore re-encoded from ISO-8859-1 before parsing; part contents are never touched.
 */
final class PartHeaderCharset {

  private static final byte[] HEADERS_END = {'\r', '\n', '\r', '\n'};
  private static final SearchPattern HEADERS_END_PATTERN = SearchPattern.compile(HEADERS_END);

  private PartHeaderCharset() {}

  static byte[] toUtf8(byte[] body, String boundary) {
    SearchPattern delimiter = SearchPattern.compile(("--" + boundary + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    int delimiterLength = delimiter.getLength();
    ByteArrayOutputStream out = null;
    int copied = 0;
    int position = 0;
    while (position < body.length) {
      int start = delimiter.match(body, position, body.length - position);
      if (start < 0) {
        break;
      }
      int headers = start + delimiterLength;
      int end = HEADERS_END_PATTERN.match(body, headers, body.length - headers);
      if (end < 0) {
        break;
      }
      if (!isUtf8(body, headers, end - headers)) {
        if (out == null) {
          out = new ByteArrayOutputStream(body.length + 64);
        }
        out.write(body, copied, headers - copied);
        out.writeBytes(new String(body, headers, end - headers, StandardCharsets.ISO_8859_1)
            .getBytes(StandardCharsets.UTF_8));
        copied = end;
      }
      position = end + HEADERS_END.length;
    }
    if (out == null) {
      return body;
    }
    out.write(body, copied, body.length - copied);
    return out.toByteArray();
  }

  private static boolean isUtf8(byte[] bytes, int offset, int length) {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, offset, length));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
