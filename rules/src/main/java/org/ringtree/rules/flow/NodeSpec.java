package org.ringtree.rules.flow;

import java.util.List;
import java.util.Optional;

/**
 * Everything the editor needs to draw a node kind in its palette and build its property form, and
 * everything the validator checks: settings, fixed ports, and (for menus) the setting whose items
 * each add a port named after their {@code key}.
 */
public record NodeSpec(
    NodeKind kind,
    String label,
    String category,
    String help,
    List<FieldSpec> fields,
    List<PortSpec> ports,
    String dynamicPortsFrom) {

  public NodeSpec {
    fields = List.copyOf(fields);
    ports = List.copyOf(ports);
  }

  public Optional<FieldSpec> field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  public Optional<PortSpec> port(String name) {
    return ports.stream().filter(p -> p.name().equals(name)).findFirst();
  }
}
