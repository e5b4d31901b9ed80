package org.ringtree.editor.directory;

import java.util.Optional;
import org.ringtree.editor.directory.DirectoryAdminPort.Outcome;
import org.ringtree.editor.directory.DirectoryAdminPort.Stored;

/**
 * Turns a form's save event into a save through the port, and the outcome back into the form: the
 * new version after a save, the field at fault after a refusal, the banner after a conflict.
 */
final class EntrySaver {

  private EntrySaver() {}

  /** Empty when the form's own checks refused the draft (nothing was sent). */
  static Optional<Outcome> save(DirectoryAdminPort port, EntryForm form) {
    Optional<Stored> draft = form.read();
    if (draft.isEmpty()) {
      return Optional.empty();
    }
    Outcome outcome = port.save(form.kind(), draft.get());
    if (outcome instanceof Outcome.Saved saved) {
      form.saved(saved.version());
    } else if (outcome instanceof Outcome.Refused refused) {
      form.mark(refused.field(), refused.message());
    } else if (outcome instanceof Outcome.Conflict conflict) {
      form.conflict(conflict.message());
    }
    return Optional.of(outcome);
  }
}
