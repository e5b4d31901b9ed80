package org.ringtree.editor.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import java.util.function.IntConsumer;
import org.ringtree.rules.json.RingtreeJson;

/**
 * An Apache ECharts chart (npm {@code echarts}, Apache-2.0), bundled in the production build. Java
 * sends the whole ECharts option; values travel as decimal text, so money reaches the chart with
 * the ledger's cents. A click on a bar or category label comes back as the category's index.
 */
@Tag("ringtree-echart")
@NpmPackage(value = "echarts", version = "6.1.0")
@JsModule("./ringtree-echart.ts")
public class EChart extends Component implements HasSize {

  private static final ObjectMapper JSON = RingtreeJson.mapper();

  /** How the categories are laid out. */
  public enum Shape {
    /** Vertical bars over categories left to right (time). */
    COLUMNS,
    /** Horizontal bars, the first category on top (rankings). */
    BARS
  }

  public EChart(String id) {
    setId(id);
    getElement().getStyle().set("display", "block");
    setWidthFull();
    setHeight("280px");
  }

  public void show(DashboardPresenter.Chart chart, Shape shape) {
    getElement().setProperty("option", option(chart, shape).toString());
  }

  /** Runs {@code handler} with the index of the category clicked. */
  public void onClick(IntConsumer handler) {
    getElement()
        .addEventListener(
            "chart-click",
            e -> handler.accept((int) e.getEventData().getNumber("event.detail.index")))
        .addEventData("event.detail.index");
  }

  /** The ECharts option for a chart: categories, one series each, no animation. */
  static ObjectNode option(DashboardPresenter.Chart chart, Shape shape) {
    ObjectNode o = JSON.createObjectNode();
    o.put("animation", false);
    o.putObject("tooltip").put("trigger", "axis");
    if (chart.series().size() > 1) {
      o.putObject("legend").put("top", 0);
    }
    ObjectNode grid = o.putObject("grid");
    grid.put("left", 8).put("right", 16).put("bottom", 8).put("top", 32).put("containLabel", true);
    ObjectNode category = JSON.createObjectNode();
    category.put("type", "category").put("triggerEvent", true);
    ArrayNode names = category.putArray("data");
    chart.categories().forEach(names::add);
    ObjectNode value = JSON.createObjectNode().put("type", "value");
    if (shape == Shape.BARS) {
      category.put("inverse", true);
      o.set("xAxis", value);
      o.set("yAxis", category);
    } else {
      o.set("xAxis", category);
      o.set("yAxis", value);
    }
    ArrayNode series = o.putArray("series");
    for (DashboardPresenter.Series s : chart.series()) {
      ObjectNode n = series.addObject();
      n.put("name", s.name()).put("type", "bar").put("cursor", "pointer");
      ArrayNode data = n.putArray("data");
      s.data().forEach(data::add);
    }
    return o;
  }
}
