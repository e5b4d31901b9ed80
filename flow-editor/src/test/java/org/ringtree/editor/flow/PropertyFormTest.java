package org.ringtree.editor.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.NodeCatalog;
import org.ringtree.rules.flow.NodeKind;
import org.ringtree.rules.flow.Position;
import org.ringtree.rules.port.DirectoryLookupPort;
import org.ringtree.rules.validation.Issue;

class PropertyFormTest {

  private final List<PropertyForm.FieldChanged> fired = new ArrayList<>();
  private final PropertyForm form = new PropertyForm(new Targets(), fired::add);

  @Test
  void buildsOneTypedFieldPerSettingWithHelpAndDefaults() {
    form.show(new FlowNode("m", NodeKind.MENU, Position.ORIGIN, Map.of("prompt", "Hi")), List.of());

    TextArea prompt = field("prompt", TextArea.class);
    IntegerField timeout = field("timeoutSeconds", IntegerField.class);
    ComboBox<?> voice = field("voice", ComboBox.class);

    assertThat(prompt.getValue()).isEqualTo("Hi");
    assertThat(prompt.getHelperText()).contains("Required");
    assertThat(timeout.getValue()).isNull();
    assertThat(timeout.getPlaceholder()).isEqualTo("5");
    assertThat(timeout.getHelperText()).contains("Default: 5.").contains("From 1 to 60.");
    assertThat(voice.getValue()).isEqualTo("alice");
    long settings = NodeCatalog.spec(NodeKind.MENU).fields().size();
    assertThat(fields().count()).isEqualTo(settings);
  }

  @Test
  void directoryReferencesAreSearchableSelectsShowingNames() {
    form.show(
        new FlowNode("r", NodeKind.ROUTE, Position.ORIGIN, Map.of("targets", List.of("t-7"))),
        List.of());
    MultiSelectComboBox<String> targets = field("targets", MultiSelectComboBox.class);
    assertThat(targets.getValue()).containsExactly("t-7");
    assertThat(targets.getItemLabelGenerator().apply("t-7")).isEqualTo("Target 7 — Buyer · RTB");
  }

  @Test
  void marksTheFieldsThatHaveIssues() {
    FlowNode route = new FlowNode("r", NodeKind.ROUTE, Position.ORIGIN, Map.of());
    form.show(route, List.of(Issue.error("r", "targets", "route.noTargets", "Pick a target.")));
    HasValidation targets = field("targets", MultiSelectComboBox.class);
    assertThat(targets.isInvalid()).isTrue();
    assertThat(targets.getErrorMessage()).isEqualTo("Pick a target.");

    form.markIssues(List.of());
    assertThat(targets.isInvalid()).isFalse();
  }

  @Test
  void aMenuKeyIsNeverCutToOneCharacterAndItsIssueMarksTheKeyField() {
    FlowNode menu =
        new FlowNode(
            "m",
            NodeKind.MENU,
            Position.ORIGIN,
            Map.of("prompt", "Hi", "options", List.of(Map.of("key", "12"))));
    Issue wrongKey =
        Issue.error("m", "options[0].key", "menu.key", "An option key is one digit, * or #.");

    form.show(menu, List.of(wrongKey));

    HasValidation key = form.fieldFor("options[0].key");
    assertThat(key).isInstanceOf(TextField.class);
    assertThat(((TextField) key).getValue()).isEqualTo("12");
    assertThat(((TextField) key).getMaxLength()).isZero();
    assertThat(key.isInvalid()).isTrue();
    assertThat(key.getErrorMessage()).isEqualTo("An option key is one digit, * or #.");
  }

  @Test
  void focusingAProblemMarksItsFieldAndIgnoresOtherNodes() {
    FlowNode route = new FlowNode("r", NodeKind.ROUTE, Position.ORIGIN, Map.of());
    form.show(route, List.of());
    HasValidation floor = field("floor", com.vaadin.flow.component.textfield.BigDecimalField.class);
    assertThat(floor.isInvalid()).isFalse();

    boolean shown =
        form.focusIssue(Issue.error("r", "floor", "setting.range", "Floor is 0 or more."));

    assertThat(shown).isTrue();
    assertThat(floor.isInvalid()).isTrue();
    assertThat(floor.getErrorMessage()).isEqualTo("Floor is 0 or more.");
    assertThat(form.focusIssue(Issue.error("other", "floor", "x", "y"))).isFalse();
    assertThat(form.focusIssue(Issue.error("r", null, "x", "y"))).isFalse();
  }

  @Test
  void anIssueAboutAWholeListIsWrittenUnderTheList() {
    FlowNode menu = new FlowNode("m", NodeKind.MENU, Position.ORIGIN, Map.of("prompt", "Hi"));
    form.show(menu, List.of());

    assertThat(form.focusIssue(Issue.error("m", "options", "menu.noOptions", "Add an option.")))
        .isTrue();

    assertThat(form.listError("options")).isEqualTo("Add an option.");
    form.markIssues(List.of());
    assertThat(form.listError("options")).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void aRandomPromptIsEditedAsItsSchemaSaysAListOfPromptTexts() {
    FlowNode greet =
        new FlowNode(
            "greet",
            NodeKind.RANDOM_PROMPT,
            Position.ORIGIN,
            Map.of("prompts", List.of(Map.of("text", "Hi."), Map.of("text", "Hello."))));
    form.show(greet, List.of());

    HasValidation second = form.fieldFor("prompts[1].text");
    assertThat(second).isInstanceOf(TextArea.class);
    assertThat(((TextArea) second).getValue()).isEqualTo("Hello.");
    field("voice", ComboBox.class);
    field("language", ComboBox.class);

    button("add-prompts").click();

    assertThat(fired).last().extracting(PropertyForm.FieldChanged::field).isEqualTo("prompts");
    assertThat((List<Object>) fired.get(fired.size() - 1).value())
        .containsExactly(Map.of("text", "Hi."), Map.of("text", "Hello."), Map.of());
  }

  @Test
  @SuppressWarnings("unchecked")
  void aNewMenuOptionGetsTheNextFreeKeyBecauseItsKeyIsAPort() {
    form.show(
        new FlowNode(
            "m",
            NodeKind.MENU,
            Position.ORIGIN,
            Map.of("prompt", "Hi", "options", List.of(Map.of("key", "1")))),
        List.of());

    button("add-options").click();

    assertThat((List<Object>) fired.get(fired.size() - 1).value())
        .containsExactly(Map.of("key", "1"), Map.of("key", "2"));
  }

  private com.vaadin.flow.component.button.Button button(String id) {
    return descendants(form)
        .filter(c -> c.getId().filter(id::equals).isPresent())
        .map(com.vaadin.flow.component.button.Button.class::cast)
        .findFirst()
        .orElseThrow();
  }

  private static Stream<Component> descendants(Component c) {
    return Stream.concat(Stream.of(c), c.getChildren().flatMap(PropertyFormTest::descendants));
  }

  @Test
  void withNothingSelectedItExplainsWhatToDo() {
    form.showNothing(3);
    assertThat(form.nodeId()).isNull();
    assertThat(form.getElement().getText()).isEmpty();
    assertThat(form.getChildren().findFirst().orElseThrow().getElement().getText())
        .contains("3 nodes selected");
  }

  private Stream<Component> fields() {
    return form.getChildren().filter(c -> c.getElement().hasAttribute("data-field"));
  }

  @SuppressWarnings("unchecked")
  private <T> T field(String name, Class<?> type) {
    Component c =
        fields()
            .filter(f -> f.getElement().getAttribute("data-field").equals(name))
            .findFirst()
            .orElseThrow();
    assertThat(c).isInstanceOf(type);
    return (T) c;
  }

  /** Five hundred targets, as a realistic directory has. */
  private static final class Targets implements DirectoryLookupPort {
    private final List<Choice> all =
        java.util.stream.IntStream.rangeClosed(1, 500)
            .mapToObj(i -> new Choice("t-" + i, "Target " + i, "Buyer · RTB"))
            .toList();

    @Override
    public List<Choice> search(RefKind kind, String text, int offset, int limit) {
      return all.stream().filter(c -> c.label().contains(text)).skip(offset).limit(limit).toList();
    }

    @Override
    public int count(RefKind kind, String text) {
      return (int) all.stream().filter(c -> c.label().contains(text)).count();
    }

    @Override
    public Optional<Choice> find(RefKind kind, String id) {
      return all.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    @Override
    public List<Choice> targetsOf(List<String> targetIds, List<String> groupIds) {
      return List.of();
    }
  }
}
