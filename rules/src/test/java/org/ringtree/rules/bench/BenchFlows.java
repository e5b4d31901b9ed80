package org.ringtree.rules.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ringtree.rules.directory.Buyer;
import org.ringtree.rules.directory.Caps;
import org.ringtree.rules.directory.Destination;
import org.ringtree.rules.directory.DirectorySnapshot;
import org.ringtree.rules.directory.DuplicateRule;
import org.ringtree.rules.directory.GeoFilter;
import org.ringtree.rules.directory.Schedule;
import org.ringtree.rules.directory.TagFilter;
import org.ringtree.rules.directory.Target;
import org.ringtree.rules.examples.DemoNetwork;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.flow.FlowEdge;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.NodeKind;
import org.ringtree.rules.flow.Position;
import org.ringtree.rules.money.Money;
import org.ringtree.rules.simulator.ScriptedBid;

/** Generated flows and directories of a given size, for the benchmarks. */
public final class BenchFlows {
  private BenchFlows() {}

  /** 20 targets: 12 fixed-price, 8 RTB, with geo, hours, tag filters, caps and duplicate rules. */
  public static DirectorySnapshot directory() {
    List<Target> targets = new ArrayList<>();
    List<Buyer> buyers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String id = "t" + i;
      String buyer = "b" + (i % 7);
      Destination dest =
          i % 5 < 3
              ? new Destination.PhoneNumber("+151255501" + String.format("%02d", i))
              : new Destination.RtbEndpoint(
                  "https://bid" + i + ".example/ping",
                  500,
                  Destination.BidResponseFormat.RINGTREE,
                  Map.of());
      targets.add(
          new Target(
              id,
              "Target " + i,
              buyer,
              dest,
              dest instanceof Destination.RtbEndpoint
                  ? null
                  : Money.usd(String.valueOf(200 + i * 5)),
              1 + i % 3,
              1 + i % 4,
              i % 2 == 0 ? Schedule.weekdays("America/Chicago", "08:00", "20:00") : null,
              i % 4 == 0 ? GeoFilter.states("TX", "OK", "LA") : GeoFilter.ANYWHERE,
              i % 3 == 0 ? List.of(TagFilter.equalTo("source", "google")) : List.of(),
              new Caps(Caps.CountOn.CONNECTIONS, 5, 20, 40, 800, null),
              i % 5 == 0 ? DuplicateRule.perTarget(DuplicateRule.Basis.CONNECTED, 30) : null,
              true));
    }
    for (int b = 0; b < 7; b++) {
      buyers.add(new Buyer("b" + b, "Buyer " + b, Caps.daily(200)));
    }
    DirectorySnapshot demo = DemoNetwork.directory();
    return new DirectorySnapshot(
        demo.verticals(),
        demo.campaigns(),
        demo.publishers(),
        buyers,
        targets,
        List.of(),
        List.of(),
        Set.of("crm-lookup"));
  }

  public static Map<String, ScriptedBid> bids() {
    java.util.HashMap<String, ScriptedBid> out = new java.util.HashMap<>();
    for (int i = 0; i < 20; i++) {
      if (i % 5 >= 3) {
        out.put(
            "t" + i,
            ScriptedBid.accept(String.valueOf(230 + i), "+15125559" + String.format("%03d", i)));
      }
    }
    return out;
  }

  /**
   * A flow of {@code size} nodes: a chain of say, collect, condition (2 clauses), set-tag and route
   * nodes (one route per 20 nodes, each over all 20 targets), ending in a hang-up.
   */
  public static FlowDocument flow(int size) {
    List<FlowNode> nodes = new ArrayList<>();
    List<FlowEdge> edges = new ArrayList<>();
    nodes.add(new FlowNode("start", NodeKind.START, Position.ORIGIN, Map.of()));
    nodes.add(new FlowNode("end", NodeKind.HANGUP, Position.ORIGIN, Map.of("text", "bye")));
    List<String> targets = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      targets.add("t" + i);
    }
    String prev = "start";
    String port = "next";
    for (int i = 0; i < size - 2; i++) {
      String id = "n" + i;
      NodeKind kind;
      Map<String, Object> cfg;
      String out;
      switch (i % 5) {
        case 0 -> {
          kind = NodeKind.SAY;
          cfg = Map.of("text", "Step " + i);
          out = "next";
        }
        case 1 -> {
          kind = NodeKind.CONDITION;
          cfg =
              Map.of(
                  "match",
                  "any",
                  "clauses",
                  List.of(
                      Map.of(
                          "type",
                          "geo",
                          "field",
                          "state",
                          "operator",
                          "in",
                          "values",
                          List.of("TX", "OK")),
                      Map.of(
                          "type",
                          "tag",
                          "field",
                          "source",
                          "operator",
                          "regex",
                          "value",
                          "goo.*")));
          out = "true";
        }
        case 2 -> {
          kind = NodeKind.SET_TAG;
          cfg = Map.of("tag", "step", "value", String.valueOf(i));
          out = "next";
        }
        case 3 -> {
          if (i % 20 == 3) {
            kind = NodeKind.ROUTE;
            cfg = Map.of("targets", targets, "method", "ringTree", "floor", 50L);
            out = "fallback";
          } else {
            kind = NodeKind.CONDITION;
            cfg =
                Map.of(
                    "clauses",
                    List.of(
                        Map.of(
                            "type", "history", "windowDays", 30L, "operator", "lt", "value", "3")));
            out = "true";
          }
        }
        default -> {
          kind = NodeKind.SAY;
          cfg = Map.of("text", "More " + i);
          out = "next";
        }
      }
      nodes.add(new FlowNode(id, kind, new Position(0, i * 100), cfg));
      edges.add(new FlowEdge(prev, port, id));
      if (kind == NodeKind.CONDITION) {
        edges.add(new FlowEdge(id, "false", "end"));
      }
      prev = id;
      port = out;
    }
    edges.add(new FlowEdge(prev, port, "end"));
    return new FlowDocument(1, "bench-" + size, "Bench " + size, "legal-tx", nodes, edges);
  }
}
