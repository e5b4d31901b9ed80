package org.ringtree.editor.flow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.flow.FlowJson;

/** Flows operators can start from; the route targets are left for them to pick. */
public final class Templates {

  /** A named starting point. */
  public record Template(String name, String description, FlowDocument document) {}

  private Templates() {}

  public static List<Template> all() {
    return List.of(
        new Template("Empty canvas", "Nothing yet: start with a Start node.", empty()),
        new Template(
            "Zip-qualified ring tree",
            "Greeting, zip code, a condition on the zip or state, then an auction; voicemail when"
                + " nobody takes the call.",
            load("zip-qualified-ring-tree.json")),
        new Template(
            "Business hours with voicemail",
            "Routes during office hours (Mon–Fri 9–17 New York) and takes a message otherwise.",
            load("business-hours-voicemail.json")));
  }

  static FlowDocument empty() {
    return new FlowDocument(
        FlowDocument.CURRENT_SCHEMA_VERSION, "template", "Empty", null, List.of(), List.of());
  }

  private static FlowDocument load(String file) {
    try (InputStream in = Templates.class.getResourceAsStream("templates/" + file)) {
      if (in == null) {
        throw new IllegalStateException("missing template " + file);
      }
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return FlowJson.read(json)
          .document()
          .orElseThrow(() -> new IllegalStateException("unreadable template " + file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
