package org.ringtree.editor.postbacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The postback settings form without a browser: what it shows, what a save sends. */
class PostbackSettingsFormTest {

  private final PostbackSettingsForm form =
      new PostbackSettingsForm(List.of("call_id", "payout", "brand_new"));

  @Test
  void listsEachPlaceholderTheCodeKnowsWithItsMeaningAndTagPlaceholders() {
    String listed = text(find("postback-placeholders"));

    assertThat(listed)
        .contains("{call_id} — our call id")
        .contains("{payout} — the publisher's payout for the call, e.g. 20.00")
        .contains("{brand_new}")
        .contains("{tag:NAME} — the call tag NAME");
  }

  @Test
  void aPublisherWithoutPostbacksGetsAnEmptyFormSendingOnConversions() {
    form.show(Optional.empty());

    assertThat(field().getValue()).isEmpty();
    assertThat(when().getValue()).isEqualTo("On conversions");
    assertThat(text(find("postback-status"))).isEqualTo("No postback set up yet.");
  }

  @Test
  void storedSettingsAreShownAndASaveSendsWhatWasTyped() {
    form.show(
        Optional.of(
            new PostbacksPort.Settings("pub-1", "https://t.example/pb?c={call_id}", true, true)));
    assertThat(field().getValue()).isEqualTo("https://t.example/pb?c={call_id}");
    assertThat(when().getValue()).isEqualTo("On conversions and every call that ends");

    List<PostbackSettingsForm.Draft> sent = new ArrayList<>();
    form.addSaveListener(e -> sent.add(e.draft()));
    field().setValue("https://t.example/pb?amount={payout}");
    when().setValue("Off");
    ((Button) find("postback-save")).click();

    assertThat(sent)
        .containsExactly(
            new PostbackSettingsForm.Draft("https://t.example/pb?amount={payout}", false, false));
  }

  @Test
  void aRefusalMarksTheTemplateWithThePlatformsReasonAndASaveClearsIt() {
    form.refused("a placeholder may not be in the host");

    assertThat(field().isInvalid()).isTrue();
    assertThat(field().getErrorMessage()).isEqualTo("a placeholder may not be in the host");
    assertThat(text(find("postback-problem"))).isEqualTo("a placeholder may not be in the host");

    form.saved(new PostbacksPort.Settings("pub-1", "https://t.example/pb", false, true));

    assertThat(field().isInvalid()).isFalse();
    assertThat(text(find("postback-problem"))).isEmpty();
    assertThat(text(find("postback-status"))).isEqualTo("Saved.");
    assertThat(when().getValue()).isEqualTo("On conversions");
  }

  private TextField field() {
    return (TextField) find("postback-template");
  }

  @SuppressWarnings("unchecked")
  private ComboBox<String> when() {
    return (ComboBox<String>) find("postback-when");
  }

  private Component find(String id) {
    return all(form)
        .filter(c -> c.getId().filter(id::equals).isPresent())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no component " + id));
  }

  private static Stream<Component> all(Component c) {
    return Stream.concat(Stream.of(c), c.getChildren().flatMap(PostbackSettingsFormTest::all));
  }

  private static String text(Component c) {
    if (c instanceof HasText t && c.getChildren().findAny().isEmpty()) {
      return t.getText();
    }
    StringBuilder out = new StringBuilder();
    c.getChildren().forEach(child -> out.append(text(child)).append('\n'));
    return c instanceof HasText t ? t.getText() + out : out.toString();
  }
}
