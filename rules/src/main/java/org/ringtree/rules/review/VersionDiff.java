package org.ringtree.rules.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.ringtree.rules.compiler.CompiledFlow;
import org.ringtree.rules.compiler.RuleIndexEntry;
import org.ringtree.rules.compiler.VersionKey;

/**
 * What changed from one compiled version to another: the flow's nodes and edges, the directory
 * entries it compiled against, the decision tables row by row, and the generated rules; {@code
 * summary} lists every change in plain words, flow first, then directory, tables and rules.
 */
public record VersionDiff(
    VersionKey fromVersionKey,
    VersionKey toVersionKey,
    List<Change> flow,
    List<Change> directory,
    List<TableDiff> tables,
    List<Change> rules,
    List<String> summary) {

  public VersionDiff {
    flow = List.copyOf(flow);
    directory = List.copyOf(directory);
    tables = List.copyOf(tables);
    rules = List.copyOf(rules);
    summary = List.copyOf(summary);
  }

  public boolean isEmpty() {
    return summary.isEmpty();
  }

  public static VersionDiff between(CompiledFlow from, CompiledFlow to) {
    VersionReview a = VersionReview.of(from);
    VersionReview b = VersionReview.of(to);
    List<Change> flow = FlowDiff.between(from.flow(), to.flow());
    List<Change> directory = DirectoryDiff.between(from.directory(), to.directory());
    List<TableDiff> tables = new ArrayList<>();
    tables.addAll(TableDiff.between(a.routing(), b.routing()));
    tables.addAll(TableDiff.between(a.billing(), b.billing()));
    tables.removeIf(TableDiff::isEmpty);
    List<Change> rules = rules(from.ruleIndex(), to.ruleIndex());
    List<String> summary = new ArrayList<>();
    flow.forEach(c -> summary.add(c.summary()));
    directory.forEach(c -> summary.add(c.summary()));
    tables.forEach(t -> summary.addAll(t.summary()));
    rules.forEach(c -> summary.add(c.summary()));
    return new VersionDiff(
        from.versionKey(), to.versionKey(), flow, directory, tables, rules, summary);
  }

  /** Generated DRL rules and Camel routes by id; table rows are covered by the table diffs. */
  private static List<Change> rules(List<RuleIndexEntry> before, List<RuleIndexEntry> after) {
    Map<String, RuleIndexEntry> b = byId(before);
    Map<String, RuleIndexEntry> a = byId(after);
    Set<String> ids = new LinkedHashSet<>(a.keySet());
    ids.addAll(b.keySet());
    List<Change> out = new ArrayList<>();
    for (String id : ids) {
      RuleIndexEntry was = b.get(id);
      RuleIndexEntry now = a.get(id);
      if (was == null) {
        out.add(
            new Change(
                ChangeKind.ADDED,
                now.artifact(),
                now.ruleId(),
                null,
                null,
                now.description(),
                "new rule " + now.ruleId() + node(now) + ": " + now.description()));
      } else if (now == null) {
        out.add(
            new Change(
                ChangeKind.REMOVED,
                was.artifact(),
                was.ruleId(),
                null,
                was.description(),
                null,
                "rule " + was.ruleId() + node(was) + " removed"));
      } else if (!Objects.equals(was.description(), now.description())) {
        out.add(
            new Change(
                ChangeKind.CHANGED,
                now.artifact(),
                now.ruleId(),
                "description",
                was.description(),
                now.description(),
                "rule " + now.ruleId() + node(now) + " now: " + now.description()));
      }
    }
    return out;
  }

  private static String node(RuleIndexEntry e) {
    return e.nodeId() == null ? "" : " (node " + e.nodeId() + ")";
  }

  private static Map<String, RuleIndexEntry> byId(List<RuleIndexEntry> index) {
    Map<String, RuleIndexEntry> out = new LinkedHashMap<>();
    index.stream()
        .filter(e -> !e.artifact().startsWith("dmn"))
        .forEach(
            e -> out.put(VERSION_IN_ROUTE_ID.matcher(e.ruleId()).replaceFirst("ringtree-*-"), e));
    return out;
  }

  /**
   * Camel route ids carry their version's key ({@code ringtree-<16 hex>-<node>}) so two versions'
   * routes can run side by side; compared without it, an unchanged connector node is not shown as
   * one route removed and another added.
   */
  private static final java.util.regex.Pattern VERSION_IN_ROUTE_ID =
      java.util.regex.Pattern.compile("^ringtree-" + VersionKey.FORMAT + "-");
}
