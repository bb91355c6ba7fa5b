package dev.engranaje.test.scenario;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes scenario results as JUnit XML (the Ant/Surefire dialect CI servers read): a test suite per
 * scenario file, a test case per scenario, {@code <failure>} for a failed expectation and {@code
 * <error>} for a broken scenario, with the reason as message and the record log as text.
 */
public final class JUnitXmlReport {
  private JUnitXmlReport() {}

  public static void write(List<ScenarioResult> results, Path target) throws IOException {
    Map<Path, List<ScenarioResult>> byFile = new LinkedHashMap<>();
    results.forEach(result -> byFile.computeIfAbsent(result.file(), f -> new java.util.ArrayList<>()).add(result));
    Path parent = target.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("testsuites");
      for (Map.Entry<Path, List<ScenarioResult>> file : byFile.entrySet()) {
        suite(xml, file.getKey(), file.getValue());
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IOException("Could not write the JUnit XML report " + target + ": " + e.getMessage(), e);
    }
  }

  private static void suite(XMLStreamWriter xml, Path file, List<ScenarioResult> results) throws XMLStreamException {
    xml.writeStartElement("testsuite");
    xml.writeAttribute("name", file.toString());
    xml.writeAttribute("tests", String.valueOf(results.size()));
    xml.writeAttribute("failures", String.valueOf(results.stream().filter(r -> r.outcome() == ScenarioResult.Outcome.FAILED).count()));
    xml.writeAttribute("errors", String.valueOf(results.stream().filter(r -> r.outcome() == ScenarioResult.Outcome.BROKEN).count()));
    xml.writeAttribute("time", seconds(results.stream().mapToLong(r -> r.took().toMillis()).sum()));
    for (ScenarioResult result : results) {
      xml.writeStartElement("testcase");
      xml.writeAttribute("classname", file.getFileName().toString());
      xml.writeAttribute("name", result.name());
      xml.writeAttribute("time", seconds(result.took().toMillis()));
      if (!result.passed()) {
        xml.writeStartElement(result.outcome() == ScenarioResult.Outcome.FAILED ? "failure" : "error");
        xml.writeAttribute("message", result.reason());
        xml.writeCharacters(result.reason() + (result.recordLog().isEmpty() ? "" : "\n\n" + result.recordLog()));
        xml.writeEndElement();
      }
      xml.writeEndElement();
    }
    xml.writeEndElement();
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }
}
