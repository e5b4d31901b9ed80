package org.ringtree.editor.shell;

import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * An upload of one text file (a CSV, a flow's JSON) that hands its content to the screen. It takes
 * one file at a time: an UploadHandler serves several unless told otherwise (Vaadin's "Upload File
 * Handling": {@code setMaxFiles(1)} has to be called for a single-file upload), and two files in
 * flight would both be imported, whichever answered last winning. Its list is emptied once the
 * browser reports every upload finished, not inside the handler, where it would drop the entry of a
 * file still on its way and disable nothing.
 */
public final class TextFileUpload {

  private TextFileUpload() {}

  /** An upload with this id whose file's text (UTF-8) goes to {@code onText}, in the UI's lock. */
  public static Upload of(String id, Consumer<String> onText) {
    // the in-memory handler runs its callback inside UI.access once the file is read
    Upload upload =
        new Upload(
            UploadHandler.inMemory(
                (meta, bytes) -> onText.accept(new String(bytes, StandardCharsets.UTF_8))));
    upload.setId(id);
    upload.setMaxFiles(1);
    upload.setDropAllowed(false);
    upload.addAllFinishedListener(finished -> upload.clearFileList());
    return upload;
  }
}
