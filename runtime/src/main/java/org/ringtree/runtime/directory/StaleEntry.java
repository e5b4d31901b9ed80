package org.ringtree.runtime.directory;

/** Someone else saved the entry since it was opened, or created it while it was being made. */
public class StaleEntry extends RuntimeException {

  StaleEntry(String message) {
    super(message);
  }

  /**
   * Why a save found no row at the version the editor opened: {@code expected} 0 means the editor
   * was creating it.
   */
  static StaleEntry of(String type, String id, Long expected, long stored) {
    if (expected != null && expected == 0) {
      return new StaleEntry(
          "a " + type + " " + id + " already exists: open it to change it, or pick another id");
    }
    return new StaleEntry(
        type
            + " "
            + id
            + " was changed by someone else after you opened it (you edited version "
            + expected
            + ", version "
            + stored
            + " is stored): reload it and make your change again");
  }
}
