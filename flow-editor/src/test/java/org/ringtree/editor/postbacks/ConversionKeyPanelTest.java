package org.ringtree.editor.postbacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The buyer's conversion panel without a browser: the URL shown, a key issued once or refused. */
class ConversionKeyPanelTest {

  private static ConversionKeys keys(String issued, String refusal) {
    return new ConversionKeys() {
      @Override
      public String conversionUrl() {
        return "https://ringtree.example/api/postbacks/conversions/bidder-one?call_id={call_id}";
      }

      @Override
      public String testPath() {
        return ConversionKeyPanel.endpointPath("bidder-one");
      }

      @Override
      public String issueKey() {
        if (refusal != null) {
          throw new PostbackProblem(refusal);
        }
        return issued;
      }
    };
  }

  @Test
  void showsTheConversionUrlReadOnlyAndAnIssuedKeyOnce() {
    ConversionKeyPanel panel = new ConversionKeyPanel(keys("rk_secret_1", null));
    TextField url = (TextField) find(panel, "conversion-url");

    assertThat(url.getValue())
        .isEqualTo(
            "https://ringtree.example/api/postbacks/conversions/bidder-one?call_id={call_id}");
    assertThat(url.isReadOnly()).isTrue();

    ((Button) find(panel, "conversion-issue-key")).click();

    assertThat(((TextField) find(panel, "conversion-key")).getValue()).isEqualTo("rk_secret_1");
    assertThat(((HasText) find(panel, "conversion-test-result")).getText())
        .isEqualTo("New key issued: copy it now, it is not shown again.");
  }

  @Test
  void aRefusedKeyIsSaidInThePlatformsWords() {
    ConversionKeyPanel panel = new ConversionKeyPanel(keys(null, "unknown buyer ghost"));

    ((Button) find(panel, "conversion-issue-key")).click();

    assertThat(((TextField) find(panel, "conversion-key")).getValue()).isEmpty();
    assertThat(((HasText) find(panel, "conversion-test-result")).getText())
        .isEqualTo("unknown buyer ghost");
  }

  @Test
  void theEndpointPathEncodesTheBuyersId() {
    assertThat(ConversionKeyPanel.endpointPath("acme law/1"))
        .isEqualTo("/api/postbacks/conversions/acme%20law%2F1");
  }

  private static Component find(Component root, String id) {
    return all(root)
        .filter(c -> c.getId().filter(id::equals).isPresent())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no component " + id));
  }

  private static Stream<Component> all(Component c) {
    return Stream.concat(Stream.of(c), c.getChildren().flatMap(ConversionKeyPanelTest::all));
  }
}
