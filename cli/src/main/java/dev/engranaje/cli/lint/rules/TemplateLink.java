package dev.engranaje.cli.lint.rules;

import io.camunda.zeebe.model.bpmn.instance.BaseElement;

/** The element template a task is linked to ({@code zeebe:modelerTemplate} and its version). */
record TemplateLink(String id, Integer version) {

  /** The link of {@code element}, or {@code null} when it links no template. */
  static TemplateLink of(BaseElement element) {
    String id = element.getAttributeValueNs(ModelElements.ZEEBE_NS, "modelerTemplate");
    if (ModelElements.isBlank(id)) {
      return null;
    }
    String version = element.getAttributeValueNs(ModelElements.ZEEBE_NS, "modelerTemplateVersion");
    try {
      return new TemplateLink(id, version == null ? null : Integer.valueOf(version.trim()));
    } catch (NumberFormatException e) {
      return new TemplateLink(id, null);
    }
  }
}
