package dev.engranaje.examples.bankportal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code multipart/form-data} body as browsers send a file upload: text fields and files by field
 * name. Small on purpose: the portal reads one bounded body, parts without a name are ignored.
 */
record MultipartForm(Map<String, String> fields, Map<String, FilePart> files) {
  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
  private static final Pattern FILE_NAME = Pattern.compile("\\bfilename=\"([^\"]*)\"");

  /** One uploaded file: the name the browser gave it and its bytes. */
  record FilePart(String fileName, byte[] content) {}

  /** The parts of {@code body}; empty when the content type is not multipart or names no boundary. */
  static Optional<MultipartForm> parse(String contentType, byte[] body) {
    if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
      return Optional.empty();
    }
    Matcher boundary = BOUNDARY.matcher(contentType);
    if (!boundary.find()) {
      return Optional.empty();
    }
    byte[] delimiter = ("--" + boundary.group(1)).getBytes(StandardCharsets.ISO_8859_1);
    Map<String, String> fields = new HashMap<>();
    Map<String, FilePart> files = new HashMap<>();
    int start = indexOf(body, delimiter, 0);
    while (start >= 0) {
      int headersStart = start + delimiter.length + 2; // past the delimiter and its CRLF
      int next = indexOf(body, delimiter, headersStart);
      if (next < 0 || headersStart > body.length) {
        break;
      }
      int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
      if (headersEnd < 0 || headersEnd > next) {
        break;
      }
      String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
      byte[] content = Arrays.copyOfRange(body, headersEnd + 4, Math.max(headersEnd + 4, next - 2)); // minus the CRLF before the delimiter
      Matcher name = NAME.matcher(headers);
      if (name.find()) {
        Matcher fileName = FILE_NAME.matcher(headers);
        if (fileName.find()) {
          files.put(name.group(1), new FilePart(fileName.group(1), content));
        } else {
          fields.put(name.group(1), new String(content, StandardCharsets.UTF_8));
        }
      }
      start = next;
    }
    return Optional.of(new MultipartForm(fields, files));
  }

  private static int indexOf(byte[] data, byte[] pattern, int from) {
    outer:
    for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
