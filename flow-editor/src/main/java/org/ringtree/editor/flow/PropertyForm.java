package org.ringtree.editor.flow;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.provider.Query;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.ringtree.rules.flow.FieldSpec;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.NodeCatalog;
import org.ringtree.rules.flow.NodeConfig;
import org.ringtree.rules.flow.NodeSpec;
import org.ringtree.rules.port.DirectoryLookupPort;
import org.ringtree.rules.port.DirectoryLookupPort.Choice;
import org.ringtree.rules.port.DirectoryLookupPort.RefKind;
import org.ringtree.rules.validation.Issue;

/**
 * The property panel of one node, generated from its kind's settings schema: one typed field per
 * setting, with the help text and default shown; directory references are searchable selects paged
 * on the server. It never changes the flow itself: it fires {@link FieldChanged}.
 */
public class PropertyForm extends VerticalLayout {

  /** The operator changed one setting of a node (null: back to the default). */
  public record FieldChanged(String nodeId, String field, Object value) {}

  private final DirectoryLookupPort directory;
  private final Consumer<FieldChanged> listener;
  // keyed by the issue path: "prompt", or "options[0].key" for a field inside a list item
  private final Map<String, HasValidation> fields = new HashMap<>();
  // list settings are boxes, not inputs: marked with a line of error text
  private final Map<String, Span> listErrors = new HashMap<>();
  private String nodeId;

  public PropertyForm(DirectoryLookupPort directory, Consumer<FieldChanged> listener) {
    this.directory = directory;
    this.listener = listener;
    setId("property-form");
    setPadding(false);
    setSpacing(false);
    showNothing(0);
  }

  public String nodeId() {
    return nodeId;
  }

  public void showNothing(int selectedCount) {
    nodeId = null;
    fields.clear();
    listErrors.clear();
    removeAll();
    add(
        new Paragraph(
            selectedCount > 1
                ? selectedCount + " nodes selected. Delete removes them all; drag moves them."
                : "Select a node to edit its settings, or add one from the palette."));
  }

  /** Builds the form of a node, marking the fields that have issues. */
  public void show(FlowNode node, List<Issue> issues) {
    nodeId = node.id();
    fields.clear();
    listErrors.clear();
    removeAll();
    NodeSpec spec = NodeCatalog.spec(node.kind());
    H3 title = new H3(spec.label() + " · " + node.id());
    title.getStyle().set("margin", "0");
    add(title, new Paragraph(spec.help()));
    NodeConfig config = node.settings();
    for (FieldSpec f : spec.fields()) {
      Component c =
          f.type() == org.ringtree.rules.flow.FieldType.OBJECT_LIST
              ? objectList(f, config.objects(f.name()), f.name().equals(spec.dynamicPortsFrom()))
              : field(f, node.config().get(f.name()), v -> fire(f.name(), v));
      if (c instanceof HasValidation hv) {
        fields.put(f.name(), hv);
      }
      add(c);
    }
    if (!spec.ports().isEmpty()) {
      Div ports = new Div();
      ports.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "#555");
      spec.ports()
          .forEach(
              p ->
                  ports.add(
                      new Paragraph(
                          "Port “"
                              + p.label()
                              + "”"
                              + (p.required() ? " (required)" : "")
                              + ": "
                              + p.help())));
      add(ports);
    }
    markIssues(issues);
  }

  /** Marks the fields that have issues without rebuilding the form (keeps the focus). */
  public void markIssues(List<Issue> issues) {
    fields.values().forEach(f -> f.setInvalid(false));
    listErrors.values().forEach(e -> e.setText(""));
    for (Issue i : issues) {
      if (nodeId != null && nodeId.equals(i.nodeId()) && i.field() != null) {
        mark(i);
      }
    }
  }

  /**
   * Marks the field an issue is about and moves the focus there; false if this form shows no such
   * field (another node, or an issue about the node as a whole).
   */
  public boolean focusIssue(Issue issue) {
    if (nodeId == null || !nodeId.equals(issue.nodeId()) || issue.field() == null) {
      return false;
    }
    Component at = mark(issue);
    if (at == null) {
      return false;
    }
    if (at instanceof com.vaadin.flow.component.Focusable<?> f) {
      f.focus();
    }
    at.scrollIntoView();
    return true;
  }

  /** The component an issue path points at: the exact field, else its enclosing list or field. */
  private Component mark(Issue i) {
    HasValidation f = fields.get(i.field());
    String base = i.field().replaceAll("[\\[.].*$", "");
    if (f == null && !listErrors.containsKey(base)) {
      f = fields.get(base);
    }
    if (f != null) {
      f.setErrorMessage(i.message());
      f.setInvalid(true);
      return (Component) f;
    }
    Span listError = listErrors.get(base);
    if (listError != null) {
      listError.setText(
          listError.getText().isEmpty() ? i.message() : listError.getText() + " " + i.message());
      return listError.getParent().orElse(listError);
    }
    return null;
  }

  /** The field shown for an issue path (for tests); null when the form has none. */
  HasValidation fieldFor(String path) {
    return fields.get(path);
  }

  /** The error line of a list setting (for tests). */
  String listError(String field) {
    Span s = listErrors.get(field);
    return s == null ? null : s.getText();
  }

  private void fire(String field, Object value) {
    if (nodeId != null) {
      listener.accept(new FieldChanged(nodeId, field, value));
    }
  }

  /** A widget for one setting; {@code current} is the stored value (null: default applies). */
  Component field(FieldSpec f, Object current, Consumer<Object> changed) {
    String help = help(f);
    Object effective = current != null ? current : f.defaultValue();
    Component c =
        switch (f.type()) {
          case STRING, URL, TIME -> {
            TextField t = new TextField(f.label());
            t.setValue(str(current));
            t.setPlaceholder(str(f.defaultValue()));
            // no client maxLength: the browser would cut what is typed without a word; too long
            // input is kept and the validator's message marks the field instead
            t.addValueChangeListener(e -> fromClient(e, () -> changed.accept(e.getValue())));
            yield t;
          }
          case TEXT -> {
            TextArea t = new TextArea(f.label());
            t.setValue(str(current));
            t.setPlaceholder(str(f.defaultValue()));
            t.addValueChangeListener(e -> fromClient(e, () -> changed.accept(e.getValue())));
            yield t;
          }
          case INTEGER -> {
            IntegerField t = new IntegerField(f.label());
            if (current instanceof Number n) {
              t.setValue(n.intValue());
            }
            t.setPlaceholder(str(f.defaultValue()));
            if (f.min() != null) {
              t.setMin(f.min().intValue());
            }
            if (f.max() != null) {
              t.setMax(f.max().intValue());
            }
            t.setStepButtonsVisible(true);
            t.addValueChangeListener(
                e ->
                    fromClient(
                        e,
                        () ->
                            changed.accept(
                                e.getValue() == null ? null : e.getValue().longValue())));
            yield t;
          }
          case DECIMAL -> {
            BigDecimalField t = new BigDecimalField(f.label());
            if (current != null) {
              t.setValue(new BigDecimal(current.toString()));
            }
            t.setPlaceholder(str(f.defaultValue()));
            t.addValueChangeListener(e -> fromClient(e, () -> changed.accept(e.getValue())));
            yield t;
          }
          case BOOLEAN -> {
            Checkbox t = new Checkbox(f.label());
            t.setValue(Boolean.TRUE.equals(effective));
            t.addValueChangeListener(e -> fromClient(e, () -> changed.accept(e.getValue())));
            yield t;
          }
          case ENUM -> {
            ComboBox<String> t = new ComboBox<>(f.label());
            t.setItems(f.allowed());
            t.setItemLabelGenerator(v -> v.isEmpty() ? "(none)" : v);
            t.setValue(
                str(effective).isEmpty() && !f.allowed().contains("") ? null : str(effective));
            t.addValueChangeListener(e -> fromClient(e, () -> changed.accept(e.getValue())));
            yield t;
          }
          case TIMEZONE -> refSelect(f.label(), RefKind.TIMEZONE, str(effective), changed);
          case CONNECTOR_REF -> refSelect(f.label(), RefKind.CONNECTOR, str(current), changed);
          case TARGET_REFS -> refMulti(f.label(), RefKind.TARGET, current, changed);
          case GROUP_REFS -> refMulti(f.label(), RefKind.GROUP, current, changed);
          case STRING_LIST, DATE_LIST -> {
            TextField t = new TextField(f.label());
            t.setValue(FieldCodec.list(strings(current)));
            t.setPlaceholder(
                f.type() == org.ringtree.rules.flow.FieldType.DATE_LIST
                    ? "2026-12-25, 2027-01-01"
                    : "a, b, c");
            t.addValueChangeListener(
                e -> fromClient(e, () -> changed.accept(FieldCodec.list(e.getValue()))));
            yield t;
          }
          case KEY_VALUE -> {
            TextArea t = new TextArea(f.label());
            t.setValue(FieldCodec.map(stringMap(current)));
            t.setPlaceholder("name = value (one per line)");
            t.addValueChangeListener(
                e -> fromClient(e, () -> changed.accept(FieldCodec.map(e.getValue()))));
            yield t;
          }
          case OBJECT_LIST -> new Span();
        };
    if (c instanceof com.vaadin.flow.component.HasHelper h) {
      h.setHelperText(help);
    }
    c.getElement().setAttribute("data-field", f.name());
    if (c instanceof com.vaadin.flow.component.HasSize s) {
      s.setWidthFull();
    }
    return c;
  }

  /**
   * A list setting as cards, one per item; {@code keyed}: each item's key is a port of the node
   * (menu options), so a new item gets the next free key.
   */
  private Component objectList(FieldSpec f, List<Map<String, Object>> items, boolean keyed) {
    VerticalLayout box = new VerticalLayout();
    box.setPadding(false);
    box.setSpacing(false);
    box.getElement().setAttribute("data-field", f.name());
    Span label = new Span(f.label() + (f.required() ? " *" : ""));
    label.getStyle().set("font-weight", "600");
    Span error = new Span();
    error.getElement().setAttribute("data-error", f.name());
    error.getStyle().set("color", "var(--lumo-error-text-color)");
    listErrors.put(f.name(), error);
    box.add(label, new Span(f.help()), error);
    List<Map<String, Object>> working = new ArrayList<>();
    items.forEach(i -> working.add(new LinkedHashMap<>(i)));
    for (int index = 0; index < working.size(); index++) {
      final int at = index;
      Div card = new Div();
      card.getElement().setAttribute("data-item", Integer.toString(at));
      card.getStyle()
          .set("border", "1px solid #ddd")
          .set("border-radius", "6px")
          .set("padding", "4px 8px")
          .set("margin", "4px 0")
          .set("width", "100%")
          .set("box-sizing", "border-box");
      for (FieldSpec itemField : f.itemFields()) {
        Component input =
            field(
                itemField,
                working.get(at).get(itemField.name()),
                v -> {
                  if (v == null || (v instanceof String s && s.isEmpty())) {
                    working.get(at).remove(itemField.name());
                  } else {
                    working.get(at).put(itemField.name(), v);
                  }
                  fire(f.name(), List.copyOf(working));
                });
        if (input instanceof HasValidation hv) {
          // the validator names item fields "options[0].key"
          fields.put(f.name() + "[" + at + "]." + itemField.name(), hv);
        }
        card.add(input);
      }
      Button remove =
          new Button(
              "Remove",
              e -> {
                working.remove(at);
                fire(f.name(), List.copyOf(working));
                rebuildAfterStructureChange();
              });
      remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
      card.add(remove);
      box.add(card);
    }
    Button add =
        new Button(
            "Add " + singular(f.label()),
            e -> {
              Map<String, Object> fresh = new LinkedHashMap<>();
              if (keyed) {
                fresh.put("key", nextKey(working));
              }
              working.add(fresh);
              fire(f.name(), List.copyOf(working));
              rebuildAfterStructureChange();
            });
    add.setId("add-" + f.name());
    add.addThemeVariants(ButtonVariant.LUMO_SMALL);
    box.add(add);
    return box;
  }

  private Runnable rebuild = () -> {};

  /** What to run after an item is added or removed (the view re-shows the node). */
  public void onStructureChange(Runnable r) {
    this.rebuild = r;
  }

  private void rebuildAfterStructureChange() {
    rebuild.run();
  }

  private static String nextKey(List<Map<String, Object>> items) {
    Set<String> used = new LinkedHashSet<>();
    items.forEach(i -> used.add(NodeConfig.itemString(i, "key")));
    for (String k : List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "*", "#")) {
      if (!used.contains(k)) {
        return k;
      }
    }
    return "";
  }

  private Component refSelect(
      String label, RefKind kind, String current, Consumer<Object> changed) {
    ComboBox<String> box = new ComboBox<>(label);
    box.setItems(
        DataProvider.fromFilteringCallbacks(
            (Query<String, String> q) ->
                directory
                    .search(kind, q.getFilter().orElse(""), q.getOffset(), q.getLimit())
                    .stream()
                    .map(Choice::id),
            q -> directory.count(kind, q.getFilter().orElse(""))));
    box.setItemLabelGenerator(id -> labelOf(kind, id));
    box.setValue(current == null || current.isEmpty() ? null : current);
    box.addValueChangeListener(e -> fromClient(e, () -> changed.accept(e.getValue())));
    return box;
  }

  private Component refMulti(String label, RefKind kind, Object current, Consumer<Object> changed) {
    MultiSelectComboBox<String> box = new MultiSelectComboBox<>(label);
    box.setItems(
        DataProvider.fromFilteringCallbacks(
            (Query<String, String> q) ->
                directory
                    .search(kind, q.getFilter().orElse(""), q.getOffset(), q.getLimit())
                    .stream()
                    .map(Choice::id),
            q -> directory.count(kind, q.getFilter().orElse(""))));
    box.setItemLabelGenerator(id -> labelOf(kind, id));
    box.setValue(new LinkedHashSet<>(strings(current)));
    box.addValueChangeListener(
        e ->
            fromClient(
                e, () -> changed.accept(new ArrayList<>(new java.util.TreeSet<>(e.getValue())))));
    return box;
  }

  private String labelOf(RefKind kind, String id) {
    return directory
        .find(kind, id)
        .map(c -> c.detail() == null ? c.label() : c.label() + " — " + c.detail())
        .orElse(id + " (not in the directory)");
  }

  private static void fromClient(AbstractField.ComponentValueChangeEvent<?, ?> e, Runnable r) {
    if (e.isFromClient()) {
      r.run();
    }
  }

  static String help(FieldSpec f) {
    StringBuilder sb = new StringBuilder(f.help() == null ? "" : f.help());
    if (f.required()) {
      sb.append(" Required.");
    }
    if (f.defaultValue() != null && !(f.defaultValue() instanceof List<?>)) {
      String d = f.defaultValue().toString();
      sb.append(" Default: ").append(d.isEmpty() ? "(none)" : d).append('.');
    }
    if (f.min() != null && f.max() != null) {
      sb.append(" From ").append(f.min()).append(" to ").append(f.max()).append('.');
    }
    return sb.toString().strip();
  }

  private static String singular(String label) {
    String l = label.toLowerCase(java.util.Locale.ROOT);
    return l.endsWith("s") ? l.substring(0, l.length() - 1) : l;
  }

  private static String str(Object o) {
    return o == null ? "" : o.toString();
  }

  private static List<String> strings(Object o) {
    List<String> out = new ArrayList<>();
    if (o instanceof List<?> l) {
      l.forEach(v -> out.add(v.toString()));
    }
    return out;
  }

  private static Map<String, String> stringMap(Object o) {
    Map<String, String> out = new LinkedHashMap<>();
    if (o instanceof Map<?, ?> m) {
      m.forEach((k, v) -> out.put(k.toString(), v == null ? "" : v.toString()));
    }
    return out;
  }
}
