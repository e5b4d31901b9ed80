package org.ringtree.rules.validation;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.ringtree.rules.directory.Comparison;
import org.ringtree.rules.directory.DirectorySnapshot;
import org.ringtree.rules.directory.Target;
import org.ringtree.rules.flow.ConditionClause;
import org.ringtree.rules.flow.FieldSpec;
import org.ringtree.rules.flow.FieldType;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.flow.FlowEdge;
import org.ringtree.rules.flow.FlowJson;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.NodeCatalog;
import org.ringtree.rules.flow.NodeConfig;
import org.ringtree.rules.flow.NodeKind;
import org.ringtree.rules.flow.NodeSpec;
import org.ringtree.rules.flow.PortSpec;

/**
 * Checks a flow against its node kinds' settings schema, its own structure and a directory
 * snapshot. Never throws for any document; every issue names the node and setting it is about.
 */
public final class FlowValidator {

  public static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  public static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  public static final Pattern CONNECTOR_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  public static final int MAX_REGEX = 500;

  private FlowValidator() {}

  public static List<Issue> validate(FlowDocument doc, DirectorySnapshot directory) {
    List<Issue> issues = new ArrayList<>();
    try {
      new Run(doc, directory == null ? DirectorySnapshot.EMPTY : directory, issues).run();
    } catch (RuntimeException e) {
      // A validator bug must not turn into a trace for the operator; report it as an issue.
      issues.add(
          Issue.error(null, null, "validator.failed", "The flow could not be fully checked: " + e));
    }
    return List.copyOf(issues);
  }

  public static boolean hasErrors(List<Issue> issues) {
    return issues.stream().anyMatch(Issue::isError);
  }

  private static final class Run {
    private final FlowDocument doc;
    private final DirectorySnapshot dir;
    private final List<Issue> issues;
    private final Map<String, FlowNode> nodes = new LinkedHashMap<>();
    private final Map<String, List<FlowEdge>> out = new HashMap<>();

    Run(FlowDocument doc, DirectorySnapshot dir, List<Issue> issues) {
      this.doc = doc;
      this.dir = dir;
      this.issues = issues;
    }

    void error(String node, String field, String code, String message) {
      issues.add(Issue.error(node, field, code, message));
    }

    void warn(String node, String field, String code, String message) {
      issues.add(Issue.warning(node, field, code, message));
    }

    void run() {
      if (doc.schemaVersion() != FlowDocument.CURRENT_SCHEMA_VERSION) {
        error(null, "schemaVersion", "doc.schemaVersion", "Unsupported schemaVersion.");
      }
      for (FlowNode n : doc.nodes()) {
        if (!NODE_ID.matcher(n.id()).matches()) {
          error(
              n.id(),
              "id",
              "node.idFormat",
              "Node ids use letters, digits, '-' and '_' (at most 64): " + FlowJson.quote(n.id()));
        }
        if (nodes.putIfAbsent(n.id(), n) != null) {
          error(n.id(), "id", "node.duplicateId", "Another node already has this id.");
        }
      }
      campaign();
      List<FlowNode> starts = doc.nodes().stream().filter(n -> n.kind() == NodeKind.START).toList();
      if (starts.isEmpty()) {
        error(null, null, "flow.noStart", "The flow has no start node.");
      }
      for (int i = 1; i < starts.size(); i++) {
        error(
            starts.get(i).id(), null, "flow.multipleStarts", "A flow has exactly one start node.");
      }
      edges();
      for (FlowNode n : nodes.values()) {
        settings(n.id(), "", NodeCatalog.spec(n.kind()).fields(), n.config());
        ports(n);
        kindSpecific(n);
      }
      if (!starts.isEmpty()) {
        reachability(starts.get(0).id());
        recordingNotice(starts.get(0).id());
      }
      loops();
    }

    private void campaign() {
      if (doc.campaignId() == null) {
        warn(
            null,
            "campaignId",
            "doc.noCampaign",
            "No campaign: calls through this flow are never billable or payable.");
      } else if (dir.campaign(doc.campaignId()).isEmpty()) {
        error(
            null,
            "campaignId",
            "doc.unknownCampaign",
            "Unknown campaign " + FlowJson.quote(doc.campaignId()) + ".");
      }
    }

    private void edges() {
      Set<String> usedPorts = new HashSet<>();
      int i = 0;
      for (FlowEdge e : doc.edges()) {
        String field = "edges[" + i++ + "]";
        FlowNode from = nodes.get(e.from());
        if (from == null) {
          error(
              e.from(), field, "edge.unknownFrom", "An edge starts at a node that does not exist.");
          continue;
        }
        if (!NodeCatalog.portsOf(from).contains(e.port())) {
          error(
              e.from(),
              "port:" + e.port(),
              "edge.unknownPort",
              "This node has no port " + FlowJson.quote(e.port()) + ".");
          continue;
        }
        if (!nodes.containsKey(e.to())) {
          error(
              e.from(),
              "port:" + e.port(),
              "edge.dangling",
              "Port " + FlowJson.quote(e.port()) + " leads to a node that does not exist.");
          continue;
        }
        if (nodes.get(e.to()).kind() == NodeKind.START) {
          error(e.from(), "port:" + e.port(), "edge.intoStart", "Nothing may lead back to start.");
          continue;
        }
        if (!usedPorts.add(e.from() + "\u0000" + e.port())) {
          error(
              e.from(),
              "port:" + e.port(),
              "edge.duplicatePort",
              "Port " + FlowJson.quote(e.port()) + " is connected more than once.");
          continue;
        }
        out.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e);
      }
    }

    private void ports(FlowNode n) {
      Set<String> connected = new HashSet<>();
      out.getOrDefault(n.id(), List.of()).forEach(e -> connected.add(e.port()));
      NodeSpec spec = NodeCatalog.spec(n.kind());
      for (PortSpec p : spec.ports()) {
        if (connected.contains(p.name())) {
          continue;
        }
        if (n.kind() == NodeKind.ROUTE && p.name().equals("fallback")) {
          error(
              n.id(),
              "port:fallback",
              "route.noFallback",
              "A route needs a fallback for calls no target takes.");
        } else if (p.required()) {
          error(
              n.id(),
              "port:" + p.name(),
              "port.unconnected",
              "Port " + FlowJson.quote(p.name()) + " must be connected.");
        } else {
          warn(
              n.id(),
              "port:" + p.name(),
              "port.unconnected",
              "Port " + FlowJson.quote(p.name()) + " is not connected: " + p.help());
        }
      }
      if (spec.dynamicPortsFrom() != null) {
        for (String port : NodeCatalog.portsOf(n)) {
          if (spec.port(port).isEmpty() && !connected.contains(port)) {
            error(
                n.id(),
                "port:" + port,
                "port.unconnected",
                "Option " + FlowJson.quote(port) + " must lead somewhere.");
          }
        }
      }
    }

    private void settings(
        String node, String prefix, List<FieldSpec> fields, Map<String, Object> values) {
      Map<String, FieldSpec> byName = new HashMap<>();
      fields.forEach(f -> byName.put(f.name(), f));
      for (String key : values.keySet()) {
        if (!byName.containsKey(key)) {
          warn(
              node,
              prefix + key,
              "setting.unknown",
              "Unknown setting " + FlowJson.quote(key) + " is ignored.");
        }
      }
      for (FieldSpec f : fields) {
        String name = prefix + f.name();
        Object v = values.get(f.name());
        if (v == null || v instanceof String s && s.isEmpty() && f.type() != FieldType.ENUM) {
          if (f.required()) {
            error(node, name, "setting.required", f.label() + " is required.");
          }
          continue;
        }
        checkValue(node, name, f, v);
      }
    }

    @SuppressWarnings("unchecked")
    private void checkValue(String node, String name, FieldSpec f, Object v) {
      switch (f.type()) {
        case STRING, TEXT, URL, TIMEZONE, TIME, CONNECTOR_REF -> {
          if (!(v instanceof String s)) {
            typeError(node, name, f, "text");
            return;
          }
          if (s.length() > f.maxLength()) {
            error(
                node,
                name,
                "setting.tooLong",
                f.label() + " is longer than " + f.maxLength() + " characters.");
            return;
          }
          if (f.type() == FieldType.URL && !isHttpUrl(s)) {
            error(node, name, "setting.url", f.label() + " must be an http(s) URL.");
          }
          if (f.type() == FieldType.TIMEZONE
              && !isZone(s)
              && !org.ringtree.rules.directory.Schedule.CALLER.equals(s)) {
            error(node, name, "setting.timezone", "Unknown timezone " + FlowJson.quote(s) + ".");
          }
          if (f.type() == FieldType.TIME && !s.matches("([01][0-9]|2[0-3]):[0-5][0-9]")) {
            error(node, name, "setting.time", f.label() + " must be a time HH:mm.");
          }
        }
        case ENUM -> {
          if (!(v instanceof String s) || !f.allowed().contains(s)) {
            error(
                node,
                name,
                "setting.allowed",
                f.label() + " must be one of " + String.join(", ", f.allowed()) + ".");
          }
        }
        case INTEGER -> {
          if (!(v instanceof Long l)) {
            typeError(node, name, f, "a whole number");
            return;
          }
          if (f.min() != null && l < f.min() || f.max() != null && l > f.max()) {
            error(
                node,
                name,
                "setting.range",
                f.label() + " must be between " + f.min() + " and " + f.max() + ".");
          }
        }
        case DECIMAL -> {
          BigDecimal d =
              v instanceof String s
                  ? parseDecimal(s)
                  : v instanceof Number ? new BigDecimal(v.toString()) : null;
          if (d == null) {
            typeError(node, name, f, "a number");
          } else if (d.signum() < 0) {
            error(node, name, "setting.range", f.label() + " must not be negative.");
          } else if (d.compareTo(new BigDecimal("1000000")) > 0) {
            error(node, name, "setting.range", f.label() + " is implausibly large.");
          }
        }
        case BOOLEAN -> {
          if (!(v instanceof Boolean)) {
            typeError(node, name, f, "true or false");
          }
        }
        case STRING_LIST, TARGET_REFS, GROUP_REFS, DATE_LIST -> {
          if (!(v instanceof List<?> l) || l.stream().anyMatch(o -> !(o instanceof String))) {
            typeError(node, name, f, "a list of texts");
            return;
          }
          if (l.size() > 1000) {
            error(node, name, "setting.tooLong", f.label() + " has more than 1000 entries.");
          }
          for (Object o : l) {
            if (((String) o).length() > f.maxLength()) {
              error(node, name, "setting.tooLong", f.label() + " has an entry that is too long.");
              return;
            }
            if (f.type() == FieldType.DATE_LIST && !isDate((String) o)) {
              error(
                  node,
                  name,
                  "setting.date",
                  "Not a date (yyyy-MM-dd): " + FlowJson.quote((String) o));
            }
          }
        }
        case KEY_VALUE -> {
          if (!(v instanceof Map<?, ?> m)
              || m.values().stream().anyMatch(o -> !(o instanceof String))) {
            typeError(node, name, f, "a map of texts");
            return;
          }
          for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!NAME.matcher((String) e.getKey()).matches()
                || !NAME.matcher((String) e.getValue()).matches()) {
              error(
                  node,
                  name,
                  "setting.name",
                  "Mapping names use letters, digits, '.', '-' and '_': "
                      + FlowJson.quote((String) e.getKey()));
            }
          }
        }
        case OBJECT_LIST -> {
          if (!(v instanceof List<?> l) || l.stream().anyMatch(o -> !(o instanceof Map))) {
            typeError(node, name, f, "a list of objects");
            return;
          }
          if (l.size() > 200) {
            error(node, name, "setting.tooLong", f.label() + " has more than 200 entries.");
            return;
          }
          if (f.required() && l.isEmpty()) {
            error(node, name, "setting.required", f.label() + " needs at least one entry.");
          }
          for (int i = 0; i < l.size(); i++) {
            settings(node, name + "[" + i + "].", f.itemFields(), (Map<String, Object>) l.get(i));
          }
        }
      }
    }

    private void typeError(String node, String name, FieldSpec f, String expected) {
      error(node, name, "setting.type", f.label() + " must be " + expected + ".");
    }

    private void kindSpecific(FlowNode n) {
      NodeConfig c = n.settings();
      switch (n.kind()) {
        case SAY -> {
          if (blank(c.string("text")) && blank(c.string("audioUrl"))) {
            error(n.id(), "text", "say.empty", "Say needs text or an audio URL.");
          }
        }
        case MENU -> {
          Set<String> keys = new HashSet<>();
          List<Map<String, Object>> options = c.objects("options");
          for (int i = 0; i < options.size(); i++) {
            String key = NodeConfig.itemString(options.get(i), "key");
            if (key == null) {
              continue;
            }
            if (!key.matches("[0-9*#]")) {
              error(
                  n.id(),
                  "options[" + i + "].key",
                  "menu.key",
                  "An option key is one digit, * or #.");
            } else if (!keys.add(key)) {
              error(
                  n.id(),
                  "options[" + i + "].key",
                  "menu.duplicateKey",
                  "Key " + key + " is used twice.");
            }
          }
        }
        case COLLECT_DIGITS -> {
          Integer min = c.integer("minLength");
          Integer max = c.integer("maxLength");
          if (min != null && max != null && min > max) {
            error(
                n.id(),
                "minLength",
                "collect.length",
                "Minimum length is greater than maximum length.");
          }
          if ("zip".equals(c.string("mode")) && max != null && max < 5) {
            error(
                n.id(),
                "maxLength",
                "collect.length",
                "A zip code has 5 digits; maximum length is below 5.");
          }
          name(n, "saveAs", c.string("saveAs"));
        }
        case SET_TAG -> name(n, "tag", c.string("tag"));
        case CONDITION -> conditions(n, c);
        case ROUTE -> route(n, c);
        case CONNECTOR -> {
          String id = c.string("connectorId");
          if (id == null) {
            return;
          }
          if (!CONNECTOR_ID.matcher(id).matches()) {
            error(
                n.id(),
                "connectorId",
                "connector.idFormat",
                "Connector ids are kebab-case: " + FlowJson.quote(id));
          } else if (!dir.connectorIds().contains(id)) {
            error(
                n.id(),
                "connectorId",
                "connector.unknown",
                "Unknown connector " + FlowJson.quote(id) + ".");
          }
        }
        default -> {}
      }
    }

    private void name(FlowNode n, String field, String value) {
      if (value != null && !value.isEmpty() && !NAME.matcher(value).matches()) {
        error(
            n.id(),
            field,
            "setting.name",
            "Names use letters, digits, '.', '-' and '_' (at most 64).");
      }
    }

    private void route(FlowNode n, NodeConfig c) {
      List<String> targets = c.strings("targets");
      List<String> groups = c.strings("groups");
      if (targets.isEmpty() && groups.isEmpty()) {
        error(
            n.id(),
            "targets",
            "route.noTargets",
            "A route needs at least one target or target group.");
      }
      for (String t : targets) {
        var target = dir.target(t);
        if (target.isEmpty()) {
          error(
              n.id(),
              "targets",
              "route.unknownTarget",
              "Unknown target " + FlowJson.quote(t) + ".");
        } else if (!target.get().active()) {
          warn(
              n.id(),
              "targets",
              "route.inactiveTarget",
              "Target " + FlowJson.quote(t) + " is paused.");
        }
      }
      for (String g : groups) {
        var group = dir.targetGroup(g);
        if (group.isEmpty()) {
          error(
              n.id(),
              "groups",
              "route.unknownGroup",
              "Unknown target group " + FlowJson.quote(g) + ".");
        } else {
          for (String t : group.get().targetIds()) {
            if (dir.target(t).isEmpty()) {
              error(
                  n.id(),
                  "groups",
                  "route.unknownTarget",
                  "Group "
                      + FlowJson.quote(g)
                      + " names unknown target "
                      + FlowJson.quote(t)
                      + ".");
            }
          }
        }
      }
      if ("ringTree".equals(c.string("method"))) {
        for (String t : dir.expandTargets(targets, groups)) {
          dir.target(t)
              .filter(x -> !x.isRtb() && x.fixedPrice() == null)
              .ifPresent(
                  x ->
                      warn(
                          n.id(),
                          "targets",
                          "route.noPrice",
                          "Target "
                              + FlowJson.quote(t)
                              + " has neither a bid endpoint nor a fixed price; it never wins an auction."));
        }
      }
      BigDecimal rate = c.decimal("defaultConversionRate");
      if (rate != null && rate.compareTo(BigDecimal.ONE) > 0) {
        error(
            n.id(),
            "defaultConversionRate",
            "setting.range",
            "A conversion rate is between 0 and 1.");
      }
      for (String t : dir.expandTargets(targets, groups)) {
        dir.target(t)
            .map(Target::schedule)
            .ifPresent(
                s -> {
                  if (!isZone(s.timezone())) {
                    error(
                        n.id(),
                        "targets",
                        "setting.timezone",
                        "Target " + FlowJson.quote(t) + " has an unknown timezone.");
                  }
                });
      }
    }

    private void conditions(FlowNode n, NodeConfig c) {
      List<Map<String, Object>> items = c.objects("clauses");
      List<ConditionClause> parsed = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        String prefix = "clauses[" + i + "].";
        ConditionClause clause;
        try {
          clause = ConditionClause.parse(items.get(i));
        } catch (IllegalArgumentException e) {
          error(
              n.id(),
              prefix + e.getMessage(),
              "condition.invalid",
              "This clause setting is invalid or missing.");
          continue;
        }
        if (clause(n, prefix, clause)) {
          parsed.add(clause);
        }
      }
      if ("all".equals(c.string("match"))) {
        contradictions(n, parsed);
      }
    }

    /** Checks one clause; returns whether it is usable. */
    private boolean clause(FlowNode n, String prefix, ConditionClause cl) {
      Comparison op = cl.operator();
      switch (cl.type()) {
        case GEO -> {
          if (!ConditionClause.GEO_FIELDS.contains(cl.field())) {
            error(
                n.id(),
                prefix + "field",
                "condition.field",
                "Geo clauses test state, zip or areaCode.");
            return false;
          }
        }
        case CALLER -> {
          if (!ConditionClause.CALLER_FIELDS.contains(cl.field())) {
            error(
                n.id(),
                prefix + "field",
                "condition.field",
                "Caller clauses test " + String.join(", ", ConditionClause.CALLER_FIELDS) + ".");
            return false;
          }
        }
        case TAG, ANSWER -> {
          if (cl.field() == null || !NAME.matcher(cl.field()).matches()) {
            error(
                n.id(),
                prefix + "field",
                "condition.field",
                "Name the tag or answer (letters, digits, '.', '-', '_').");
            return false;
          }
        }
        case SCHEDULE -> {
          return true;
        }
        case HISTORY -> {
          if (!op.numeric() && op != Comparison.EQUALS && op != Comparison.NOT_EQUALS) {
            error(
                n.id(),
                prefix + "operator",
                "condition.operator",
                "History clauses compare a count.");
            return false;
          }
          BigDecimal count = cl.number();
          if (count == null) {
            error(
                n.id(),
                prefix + "value",
                "condition.value",
                "History clauses compare with a number of calls.");
            return false;
          }
          if (count.signum() < 0 || op == Comparison.LT && count.signum() == 0) {
            error(
                n.id(),
                prefix + "value",
                "condition.neverTrue",
                "A call count is never below zero; this clause can never be true.");
            return false;
          }
          return true;
        }
      }
      if (op.listValued()) {
        if (cl.values().isEmpty()) {
          if (op == Comparison.IN) {
            error(
                n.id(),
                prefix + "values",
                "condition.neverTrue",
                "'in' an empty list can never be true.");
            return false;
          }
          warn(
              n.id(),
              prefix + "values",
              "condition.alwaysTrue",
              "'notIn' an empty list is always true.");
        }
      } else if (op == Comparison.REGEX) {
        if (cl.value() == null || cl.value().length() > MAX_REGEX) {
          error(
              n.id(),
              prefix + "value",
              "condition.regex",
              "A pattern of at most " + MAX_REGEX + " characters is needed.");
          return false;
        }
        try {
          Pattern.compile(cl.value());
        } catch (PatternSyntaxException e) {
          error(
              n.id(),
              prefix + "value",
              "condition.regex",
              "Not a valid pattern: " + FlowJson.quote(e.getDescription()));
          return false;
        }
      } else if (op.numeric()) {
        if (cl.number() == null) {
          error(n.id(), prefix + "value", "condition.value", "This comparison needs a number.");
          return false;
        }
      } else if (op != Comparison.EXISTS && cl.value() == null) {
        error(n.id(), prefix + "value", "condition.value", "A value to compare with is required.");
        return false;
      }
      return true;
    }

    /** Clauses that, all together, can never hold (decidable cases on one attribute). */
    private void contradictions(FlowNode n, List<ConditionClause> clauses) {
      Map<String, String> equals = new HashMap<>();
      Map<String, Set<String>> allowed = new HashMap<>();
      for (ConditionClause cl : clauses) {
        String key = cl.attributeKey();
        if (key == null) {
          continue;
        }
        if (cl.operator() == Comparison.EQUALS) {
          String prev = equals.putIfAbsent(key, cl.value());
          if (prev != null && !prev.equals(cl.value())) {
            neverTrue(n, key);
            return;
          }
        }
        if (cl.operator() == Comparison.IN) {
          Set<String> vs = new HashSet<>(cl.values());
          allowed.merge(
              key,
              vs,
              (a, b) -> {
                Set<String> s = new HashSet<>(a);
                s.retainAll(b);
                return s;
              });
        }
      }
      for (ConditionClause cl : clauses) {
        String key = cl.attributeKey();
        if (key == null) {
          continue;
        }
        String eq = equals.get(key);
        Set<String> in = allowed.get(key);
        boolean contradiction =
            (cl.operator() == Comparison.NOT_EQUALS && Objects.equals(eq, cl.value()))
                || (cl.operator() == Comparison.NOT_IN && eq != null && cl.values().contains(eq))
                || (in != null && in.isEmpty())
                || (in != null && eq != null && !in.contains(eq));
        if (contradiction) {
          neverTrue(n, key);
          return;
        }
      }
    }

    private void neverTrue(FlowNode n, String key) {
      error(
          n.id(),
          "clauses",
          "condition.neverTrue",
          "The clauses on " + key + " contradict each other; the condition can never be true.");
    }

    /**
     * Warns about each recording route a caller can reach without first hearing a Say node's
     * recording notice: all-party-consent states (California, Florida, ...) require that callers be
     * told before a call is recorded.
     */
    private void recordingNotice(String start) {
      Set<String> seen = new HashSet<>();
      Deque<String> todo = new ArrayDeque<>();
      todo.add(start);
      while (!todo.isEmpty()) {
        String id = todo.poll();
        FlowNode n = nodes.get(id);
        if (n == null || !seen.add(id)) {
          continue;
        }
        NodeConfig c = n.settings();
        if (n.kind() == NodeKind.SAY && c.bool("recordingNotice")) {
          // every path through here has heard the notice
          continue;
        }
        if (n.kind() == NodeKind.ROUTE && c.bool("record")) {
          warn(
              id,
              "record",
              "route.recordingWithoutNotice",
              "This route records calls, but a caller can reach it without hearing a recording"
                  + " notice. Turn on “Recording notice” in a Say node before it, or turn off"
                  + " Record.");
        }
        out.getOrDefault(id, List.of()).forEach(e -> todo.add(e.to()));
      }
    }

    private void reachability(String start) {
      Set<String> seen = new HashSet<>();
      Deque<String> todo = new ArrayDeque<>();
      todo.add(start);
      while (!todo.isEmpty()) {
        String id = todo.poll();
        if (seen.add(id)) {
          out.getOrDefault(id, List.of()).forEach(e -> todo.add(e.to()));
        }
      }
      for (FlowNode n : nodes.values()) {
        if (!seen.contains(n.id())) {
          error(n.id(), null, "node.unreachable", "No path from start leads to this node.");
        }
      }
    }

    /** Tarjan's strongly connected components: every cycle needs a loop cap and a way out. */
    private void loops() {
      Map<String, Integer> index = new HashMap<>();
      Map<String, Integer> low = new HashMap<>();
      Deque<String> stack = new ArrayDeque<>();
      Set<String> onStack = new HashSet<>();
      int[] counter = {0};
      for (String id : nodes.keySet()) {
        if (!index.containsKey(id)) {
          strongConnect(id, index, low, stack, onStack, counter);
        }
      }
    }

    private void strongConnect(
        String root,
        Map<String, Integer> index,
        Map<String, Integer> low,
        Deque<String> stack,
        Set<String> onStack,
        int[] counter) {
      // Iterative to survive 2,000-node chains without a deep Java stack.
      Deque<Object[]> work = new ArrayDeque<>();
      work.push(new Object[] {root, 0});
      while (!work.isEmpty()) {
        Object[] frame = work.peek();
        String v = (String) frame[0];
        int i = (Integer) frame[1];
        if (i == 0 && !index.containsKey(v)) {
          index.put(v, counter[0]);
          low.put(v, counter[0]);
          counter[0]++;
          stack.push(v);
          onStack.add(v);
        }
        List<FlowEdge> edges = out.getOrDefault(v, List.of());
        if (i < edges.size()) {
          frame[1] = i + 1;
          String w = edges.get(i).to();
          if (!index.containsKey(w)) {
            work.push(new Object[] {w, 0});
          } else if (onStack.contains(w)) {
            low.put(v, Math.min(low.get(v), index.get(w)));
          }
          continue;
        }
        work.pop();
        if (!work.isEmpty()) {
          String parent = (String) work.peek()[0];
          low.put(parent, Math.min(low.get(parent), low.get(v)));
        }
        if (low.get(v).equals(index.get(v))) {
          Set<String> scc = new HashSet<>();
          String w;
          do {
            w = stack.pop();
            onStack.remove(w);
            scc.add(w);
          } while (!w.equals(v));
          checkCycle(scc);
        }
      }
    }

    private void checkCycle(Set<String> scc) {
      boolean selfLoop =
          scc.size() == 1
              && out.getOrDefault(scc.iterator().next(), List.of()).stream()
                  .anyMatch(e -> e.to().equals(e.from()));
      if (scc.size() < 2 && !selfLoop) {
        return;
      }
      String anchor = scc.stream().sorted().findFirst().orElseThrow();
      boolean capped = scc.stream().anyMatch(id -> nodes.get(id).kind() == NodeKind.GOTO);
      boolean exit =
          scc.stream()
              .anyMatch(
                  id ->
                      nodes.get(id).kind() == NodeKind.HANGUP
                          || out.getOrDefault(id, List.of()).stream()
                              .anyMatch(e -> !scc.contains(e.to())));
      if (!capped) {
        error(
            anchor,
            null,
            "loop.uncapped",
            "Nodes "
                + String.join(", ", scc.stream().sorted().toList())
                + " form a loop without a go-to node that limits it.");
      }
      if (!exit) {
        error(anchor, null, "loop.noExit", "The loop through this node has no way out.");
      }
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static boolean isZone(String s) {
    try {
      ZoneId.of(s);
      return s.contains("/") || s.equals("UTC");
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static boolean isDate(String s) {
    try {
      LocalDate.parse(s);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static boolean isHttpUrl(String s) {
    try {
      URI u = new URI(s);
      return ("https".equals(u.getScheme()) || "http".equals(u.getScheme())) && u.getHost() != null;
    } catch (Exception e) {
      return false;
    }
  }

  private static BigDecimal parseDecimal(String s) {
    return s.matches("-?[0-9]{1,12}(\\.[0-9]{1,6})?") ? new BigDecimal(s) : null;
  }
}
