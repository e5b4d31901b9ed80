package org.ringtree.editor.directory;

import com.vaadin.flow.component.textfield.TextField;
import org.ringtree.editor.directory.DirectoryAdminPort.Kind;
import org.ringtree.editor.directory.DirectoryAdminPort.Stored;
import org.ringtree.rules.directory.Vertical;

/** A vertical: a market the network trades calls in. */
public final class VerticalForm extends EntryForm {

  final TextField name = new TextField("Name");

  public VerticalForm() {
    super(
        Kind.VERTICAL,
        "A label for reports and campaigns; saving it changes no routing. Flow versions show the"
            + " name they were compiled with.");
    field("id", id);
    field("name", name);
    add(columns(id, name));
    addButtons();
    fill(null);
  }

  @Override
  protected void fill(Stored stored) {
    Vertical v = stored == null ? null : (Vertical) stored.entry();
    id.setValue(v == null ? "" : v.id());
    name.setValue(v == null ? "" : v.name());
  }

  @Override
  protected Stored build(String verticalId, Problems p) {
    if (name.getValue().isBlank()) {
      p.add("name", "a vertical needs a name");
      return null;
    }
    return Stored.fresh(new Vertical(verticalId, name.getValue().strip()));
  }
}
