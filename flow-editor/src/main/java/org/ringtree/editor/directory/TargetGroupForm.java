package org.ringtree.editor.directory;

import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.ringtree.editor.directory.DirectoryAdminPort.Kind;
import org.ringtree.editor.directory.DirectoryAdminPort.Stored;
import org.ringtree.rules.directory.TargetGroup;

/** A target group: a named, ordered set of targets a route node can refer to as one. */
public final class TargetGroupForm extends EntryForm {

  final TextField name = new TextField("Name");
  final TextArea targets = new TextArea("Target ids, in priority order (one a line)");

  public TargetGroupForm() {
    super(
        Kind.TARGET_GROUP,
        "Takes effect with the next published flow version: flows are compiled with the group's"
            + " members as they were then.");
    field("id", id);
    field("name", name);
    field("targetIds", targets);
    add(columns(id, name), targets);
    addButtons();
    fill(null);
  }

  @Override
  protected void fill(Stored stored) {
    TargetGroup g = stored == null ? null : (TargetGroup) stored.entry();
    id.setValue(g == null ? "" : g.id());
    name.setValue(g == null ? "" : g.name());
    targets.setValue(g == null ? "" : String.join("\n", g.targetIds()));
  }

  @Override
  protected Stored build(String groupId, Problems p) {
    if (name.getValue().isBlank()) {
      p.add("name", "a target group needs a name");
    }
    var ids = Texts.items(targets.getValue());
    if (ids.size() != new java.util.HashSet<>(ids).size()) {
      p.add("targetIds", "each target is listed once");
    }
    if (!p.isEmpty()) {
      return null;
    }
    return Stored.fresh(new TargetGroup(groupId, name.getValue().strip(), ids));
  }
}
