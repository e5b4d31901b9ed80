package org.ringtree.rules.compiler;

import java.util.stream.Collectors;
import org.ringtree.rules.flow.FieldSpec;
import org.ringtree.rules.flow.NodeCatalog;
import org.ringtree.rules.flow.NodeSpec;
import org.ringtree.rules.flow.PortSpec;

/** Renders the node catalog as the Markdown reference in docs/flows.md. */
final class NodeKindsMarkdown {
  private NodeKindsMarkdown() {}

  static String render() {
    StringBuilder md = new StringBuilder();
    for (NodeSpec s : NodeCatalog.all()) {
      md.append("### `").append(s.kind().json()).append("` — ").append(s.label()).append("\n\n");
      md.append(s.help()).append("\n\n");
      if (!s.fields().isEmpty()) {
        md.append("| Setting | Type | Required | Default | Allowed / range | Help |\n");
        md.append("|---|---|---|---|---|---|\n");
        for (FieldSpec f : s.fields()) {
          row(md, f, "");
          for (FieldSpec item : f.itemFields()) {
            row(md, item, f.name() + "[].");
          }
        }
        md.append('\n');
      }
      md.append("Ports: ");
      String ports =
          s.ports().stream().map(NodeKindsMarkdown::port).collect(Collectors.joining(", "));
      if (s.dynamicPortsFrom() != null) {
        ports =
            "one per `" + s.dynamicPortsFrom() + "[].key`" + (ports.isEmpty() ? "" : ", " + ports);
      }
      md.append(ports.isEmpty() ? "none (the call ends)" : ports).append(".\n\n");
    }
    return md.toString();
  }

  private static String port(PortSpec p) {
    return "`"
        + p.name()
        + "` ("
        + (p.required() ? "required" : "optional")
        + ": "
        + p.help()
        + ")";
  }

  private static void row(StringBuilder md, FieldSpec f, String prefix) {
    String allowed =
        !f.allowed().isEmpty()
            ? f.allowed().stream()
                .map(a -> a.isEmpty() ? "(none)" : "`" + a + "`")
                .collect(Collectors.joining(", "))
            : f.min() != null ? f.min() + "–" + f.max() : "";
    md.append("| `")
        .append(prefix)
        .append(f.name())
        .append("` | ")
        .append(f.type().name().toLowerCase(java.util.Locale.ROOT))
        .append(" | ")
        .append(f.required() ? "yes" : "")
        .append(" | ")
        .append(f.defaultValue() == null ? "" : "`" + f.defaultValue() + "`")
        .append(" | ")
        .append(allowed)
        .append(" | ")
        .append(f.help().replace("|", "\\|"))
        .append(" |\n");
  }
}
