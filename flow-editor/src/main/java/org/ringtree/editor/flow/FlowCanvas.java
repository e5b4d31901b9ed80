package org.ringtree.editor.flow;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.component.react.ReactAdapterComponent;
import java.util.List;
import java.util.function.Consumer;
import org.ringtree.rules.json.RingtreeJson;

/**
 * The React Flow canvas. Java owns the flow: it sends nodes and edges as state, and the canvas
 * reports what the operator did (add, move, connect, delete, select) as events carrying JSON.
 */
@Tag("flow-canvas")
@NpmPackage(value = "@xyflow/react", version = "12.12.1")
@NpmPackage(value = "@dagrejs/dagre", version = "3.1.4")
@JsModule("./flow-canvas.tsx")
public class FlowCanvas extends ReactAdapterComponent implements HasSize {

  private static final ObjectMapper JSON = RingtreeJson.mapper();

  /** A node the operator dropped or clicked in the palette. */
  public record Added(String kind, double x, double y) {}

  public record Moved(String id, double x, double y) {}

  public record Connected(String source, String sourceHandle, String target) {}

  public record Deleted(List<String> nodes, List<String> edges) {}

  /** Asks the canvas to bring a node into view; {@code seq} makes each request a new state. */
  public record Reveal(String id, int seq) {}

  private int fitRequests;
  private int arrangeRequests;
  private int revealRequests;

  public FlowCanvas() {
    getElement().getStyle().set("display", "block");
    setState("palette", CanvasModel.palette());
  }

  public void show(List<CanvasModel.CanvasNode> nodes, List<CanvasModel.CanvasEdge> edges) {
    setState("nodes", nodes);
    setState("edges", edges);
  }

  /** Zooms to show the whole flow. */
  public void fit() {
    setState("fit", ++fitRequests);
  }

  /**
   * Asks the canvas to lay the flow out (dagre, with the nodes' rendered sizes); the new positions
   * come back through {@link #onArranged}.
   */
  public void arrange() {
    setState("arrange", ++arrangeRequests);
  }

  /** Pans to a node if it is outside the visible part of the canvas (zoom unchanged). */
  public void reveal(String nodeId) {
    setState("reveal", new Reveal(nodeId, ++revealRequests));
  }

  /** While true the browser asks before the page is reloaded or closed. */
  public void setUnsaved(boolean unsaved) {
    setState("unsaved", unsaved);
  }

  public void onArranged(Consumer<List<Moved>> handler) {
    listen(
        "canvas-arranged",
        json -> handler.accept(JSON.readValue(json, new TypeReference<List<Moved>>() {})));
  }

  public void onAdd(Consumer<Added> handler) {
    listen("canvas-add", json -> handler.accept(JSON.readValue(json, Added.class)));
  }

  public void onMove(Consumer<List<Moved>> handler) {
    listen(
        "canvas-move",
        json -> handler.accept(JSON.readValue(json, new TypeReference<List<Moved>>() {})));
  }

  public void onConnect(Consumer<Connected> handler) {
    listen("canvas-connect", json -> handler.accept(JSON.readValue(json, Connected.class)));
  }

  public void onDelete(Consumer<Deleted> handler) {
    listen("canvas-delete", json -> handler.accept(JSON.readValue(json, Deleted.class)));
  }

  public void onSelect(Consumer<List<String>> handler) {
    listen(
        "canvas-select",
        json -> handler.accept(JSON.readValue(json, new TypeReference<List<String>>() {})));
  }

  private interface JsonHandler {
    void handle(String json) throws Exception;
  }

  private void listen(String event, JsonHandler handler) {
    getElement()
        .addEventListener(
            event,
            e -> {
              try {
                handler.handle(e.getEventData().getString("event.detail.json"));
              } catch (Exception ex) {
                throw new IllegalArgumentException("bad " + event + " event from the canvas", ex);
              }
            })
        .addEventData("event.detail.json");
  }
}
