package org.ringtree.editor.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.upload.AllFinishedEvent;
import com.vaadin.flow.component.upload.Upload;
import elemental.json.JsonArray;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The screens' one-file upload: one file at a time, and its list is emptied only when the browser
 * reports every upload finished, so a file still on its way keeps its entry.
 */
class TextFileUploadTest {

  @Test
  void takesOneFileAtATimeAndEmptiesItsListOnlyOnceEveryUploadFinished() {
    List<String> texts = new ArrayList<>();
    Upload upload = TextFileUpload.of("import", texts::add);

    assertThat(upload.getId()).contains("import");
    assertThat(upload.getMaxFiles()).isEqualTo(1);
    assertThat(upload.getElement().getPropertyRaw("files"))
        .as("untouched while uploading")
        .isNull();

    ComponentUtil.fireEvent(upload, new AllFinishedEvent(upload));

    assertThat(upload.getElement().getPropertyRaw("files"))
        .isInstanceOfSatisfying(JsonArray.class, files -> assertThat(files.length()).isZero());
  }
}
