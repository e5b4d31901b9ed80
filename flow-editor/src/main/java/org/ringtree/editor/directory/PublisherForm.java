package org.ringtree.editor.directory;

import com.vaadin.flow.component.textfield.TextField;
import org.ringtree.editor.directory.DirectoryAdminPort.Kind;
import org.ringtree.editor.directory.DirectoryAdminPort.Stored;
import org.ringtree.rules.directory.Publisher;

/** A publisher: a traffic source that drives calls to its tracking numbers. */
public final class PublisherForm extends EntryForm {

  final TextField name = new TextField("Name");

  public PublisherForm() {
    super(
        Kind.PUBLISHER,
        "Takes effect at the next call: calls find their publisher through the tracking number"
            + " they dial.");
    field("id", id);
    field("name", name);
    add(columns(id, name));
    addButtons();
    fill(null);
  }

  @Override
  protected void fill(Stored stored) {
    Publisher pub = stored == null ? null : (Publisher) stored.entry();
    id.setValue(pub == null ? "" : pub.id());
    name.setValue(pub == null ? "" : pub.name());
  }

  @Override
  protected Stored build(String publisherId, Problems p) {
    if (name.getValue().isBlank()) {
      p.add("name", "a publisher needs a name");
      return null;
    }
    return Stored.fresh(new Publisher(publisherId, name.getValue().strip()));
  }
}
