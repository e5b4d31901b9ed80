package org.ringtree.editor.flow;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.ringtree.rules.port.FlowEditingPort.VersionSummary;

/**
 * The stored versions of a flow with their review state: open one on the canvas, or compare one
 * with the canvas or two with each other. It fires the operator's choice; the view does the work.
 */
public class VersionsPanel extends VerticalLayout {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final Grid<VersionSummary> grid = new Grid<>();
  private final Div diffText = new Div();

  /**
   * @param open opens a version on the canvas
   * @param compareWithCanvas compares a version (before) with the canvas (after)
   * @param compareTwo compares an older version with a newer one
   * @param clear removes the comparison highlights
   */
  public VersionsPanel(
      Consumer<Integer> open,
      Consumer<Integer> compareWithCanvas,
      BiConsumer<Integer, Integer> compareTwo,
      Runnable clear) {
    setPadding(false);
    grid.setId("versions");
    grid.setSelectionMode(Grid.SelectionMode.MULTI);
    grid.addColumn(VersionSummary::version).setHeader("Version").setAutoWidth(true);
    grid.addColumn(v -> v.state().words()).setHeader("State").setAutoWidth(true);
    grid.addColumn(v -> WHEN.format(v.createdAt())).setHeader("Stored").setAutoWidth(true);
    grid.addColumn(VersionSummary::author).setHeader("By").setAutoWidth(true);
    grid.setAllRowsVisible(true);
    Button openButton =
        new Button("Open", e -> selected().stream().findFirst().ifPresent(v -> open.accept(v)));
    openButton.setId("version-open");
    Button compare =
        new Button(
            "Compare",
            e -> {
              List<Integer> picked = selected();
              if (picked.size() == 1) {
                compareWithCanvas.accept(picked.get(0));
              } else if (picked.size() == 2) {
                compareTwo.accept(picked.get(0), picked.get(1));
              } else {
                showDiff(List.of("Select one version to compare with the canvas, or two."));
              }
            });
    compare.setId("version-compare");
    Button clearButton =
        new Button(
            "Clear comparison",
            e -> {
              diffText.removeAll();
              clear.run();
            });
    for (Button b : List.of(openButton, compare, clearButton)) {
      b.addThemeVariants(ButtonVariant.LUMO_SMALL);
    }
    diffText.setId("diff-list");
    add(
        new Paragraph(
            "Stored versions never change; each shows its review state. Tick one to open it or"
                + " compare it with the canvas; tick two to compare them (the canvas stays as it"
                + " is)."),
        grid,
        new HorizontalLayout(openButton, compare, clearButton),
        diffText);
  }

  public void show(List<VersionSummary> versions) {
    grid.setItems(versions);
  }

  public void showDiff(List<String> sentences) {
    diffText.removeAll();
    diffText.add(new H4("Differences"));
    UnorderedList list = new UnorderedList();
    sentences.forEach(s -> list.add(new ListItem(s)));
    diffText.add(list);
  }

  private List<Integer> selected() {
    List<Integer> out = new ArrayList<>();
    grid.getSelectedItems().stream()
        .sorted(Comparator.comparingInt(VersionSummary::version))
        .forEach(v -> out.add(v.version()));
    return out;
  }
}
