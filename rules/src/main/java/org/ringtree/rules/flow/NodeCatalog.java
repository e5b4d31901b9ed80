package org.ringtree.rules.flow;

import static org.ringtree.rules.flow.FieldSpec.of;
import static org.ringtree.rules.flow.FieldType.*;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The settings schema of every node kind, as data: the single source of truth for the editor's
 * palette and property forms, the validator, the JSON Schema ({@link FlowJsonSchema}) and the
 * engine's defaults.
 */
public final class NodeCatalog {

  /** Comparisons a condition clause or tag filter may use, by their document names. */
  public static final List<String> OPERATORS =
      List.of("equals", "notEquals", "in", "notIn", "regex", "gt", "gte", "lt", "lte", "exists");

  public static final List<String> DAYS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

  private static final FieldSpec VOICE =
      of("voice", "Voice", ENUM, "Text-to-speech voice.")
          .allowed("alice", "man", "woman", "Polly.Joanna", "Polly.Matthew", "Polly.Lupe")
          .withDefault("alice");
  private static final FieldSpec LANGUAGE =
      of("language", "Language", ENUM, "Language of the speech and of speech recognition.")
          .allowed("en-US", "en-GB", "es-US", "es-MX", "fr-CA")
          .withDefault("en-US");
  private static final FieldSpec TIMEOUT =
      of("timeoutSeconds", "Timeout (s)", INTEGER, "Seconds to wait for input.")
          .range(1, 60)
          .withDefault(5);
  private static final FieldSpec RETRIES =
      of("retries", "Retries", INTEGER, "How often the prompt repeats after bad or no input.")
          .range(0, 5)
          .withDefault(2);

  private static final Map<NodeKind, NodeSpec> SPECS = new EnumMap<>(NodeKind.class);

  static {
    add(
        new NodeSpec(
            NodeKind.START,
            "Start",
            "Flow",
            "Where every call enters the flow. Exactly one per flow.",
            List.of(),
            List.of(port("next", "Next", true, "The first step of the call.")),
            null));
    add(
        new NodeSpec(
            NodeKind.SAY,
            "Say / play",
            "Voice",
            "Speaks text or plays an audio file, optionally after a recording-consent notice.",
            List.of(
                of("text", "Text", TEXT, "What to say. Either text or an audio URL is needed.")
                    .maxLength(4000),
                VOICE,
                LANGUAGE,
                of("audioUrl", "Audio URL", URL, "An https URL of an audio file to play instead."),
                of(
                        "recordingNotice",
                        "Recording notice",
                        BOOLEAN,
                        "Announce that the call is recorded before anything else.")
                    .withDefault(false),
                of("noticeText", "Notice text", TEXT, "The recording-consent notice.")
                    .maxLength(1000)
                    .withDefault("This call may be recorded for quality and training purposes.")),
            List.of(port("next", "Next", true, "The step after the message.")),
            null));
    add(
        new NodeSpec(
            NodeKind.MENU,
            "Menu",
            "Voice",
            "Asks the caller to choose by key press or speech; each option is a port.",
            List.of(
                of("prompt", "Prompt", TEXT, "The question, e.g. 'Press 1 for sales'.")
                    .maxLength(4000)
                    .mandatory(),
                VOICE,
                LANGUAGE,
                of("inputs", "Input", ENUM, "Key presses, speech, or both.")
                    .allowed("dtmf", "speech", "dtmfSpeech")
                    .withDefault("dtmf"),
                TIMEOUT,
                RETRIES,
                of("saveAs", "Save answer as", STRING, "IVR answer name to store the choice under.")
                    .maxLength(64),
                of(
                        "options",
                        "Options",
                        OBJECT_LIST,
                        "The choices; each adds a port named by its key.")
                    .mandatory()
                    .items(
                        of("key", "Key", STRING, "The digit (0-9, * or #) that picks this option.")
                            .maxLength(1)
                            .mandatory(),
                        of("speech", "Speech", STRING, "A word or phrase that picks this option.")
                            .maxLength(200),
                        of("label", "Label", STRING, "Shown on the port in the editor.")
                            .maxLength(200))),
            List.of(
                port(
                    "invalid",
                    "Invalid",
                    false,
                    "After the retries run out on bad input; hangs up if unconnected."),
                port(
                    "noInput",
                    "No input",
                    false,
                    "After the retries run out on silence; hangs up if unconnected.")),
            "options"));
    add(
        new NodeSpec(
            NodeKind.COLLECT_DIGITS,
            "Collect digits",
            "Voice",
            "Collects a zip code or other digits and stores them as an IVR answer.",
            List.of(
                of("prompt", "Prompt", TEXT, "e.g. 'Please enter your five digit zip code'.")
                    .maxLength(4000)
                    .mandatory(),
                VOICE,
                LANGUAGE,
                of(
                        "mode",
                        "Mode",
                        ENUM,
                        "zip checks for a 5-digit US zip; digits takes any digits.")
                    .allowed("zip", "digits")
                    .withDefault("digits"),
                of("minLength", "Minimum length", INTEGER, "Fewest digits accepted.")
                    .range(1, 32)
                    .withDefault(1),
                of("maxLength", "Maximum length", INTEGER, "Most digits accepted.")
                    .range(1, 32)
                    .withDefault(10),
                of("finishOnKey", "Finish key", ENUM, "Key that ends the input early.")
                    .allowed("#", "*", "")
                    .withDefault("#"),
                of("saveAs", "Save as", STRING, "IVR answer name, e.g. zip.")
                    .maxLength(64)
                    .mandatory(),
                TIMEOUT,
                RETRIES),
            List.of(
                port("next", "Next", true, "After valid input."),
                port(
                    "invalid",
                    "Invalid",
                    false,
                    "After the retries run out on bad input; hangs up if unconnected."),
                port(
                    "noInput",
                    "No input",
                    false,
                    "After the retries run out on silence; hangs up if unconnected.")),
            null));
    add(
        new NodeSpec(
            NodeKind.CONDITION,
            "Condition",
            "Logic",
            "Branches on geography, schedule, tags, caller attributes, IVR answers or caller history.",
            List.of(
                of("match", "Match", ENUM, "all: every clause must hold; any: one is enough.")
                    .allowed("all", "any")
                    .withDefault("all"),
                of("clauses", "Clauses", OBJECT_LIST, "The tests.")
                    .mandatory()
                    .items(
                        of("type", "Type", ENUM, "What the clause looks at.")
                            .allowed("geo", "schedule", "tag", "answer", "caller", "history")
                            .mandatory(),
                        of(
                                "field",
                                "Field",
                                STRING,
                                "geo: state, zip, areaCode; caller: number, state, zip, city,"
                                    + " areaCode, country; tag/answer: its name.")
                            .maxLength(64),
                        of("operator", "Operator", ENUM, "How the field is compared.")
                            .allowed(OPERATORS.toArray(String[]::new))
                            .withDefault("equals"),
                        of("value", "Value", STRING, "The value compared with."),
                        of("values", "Values", STRING_LIST, "The list for in / notIn."),
                        of(
                            "timezone",
                            "Timezone",
                            TIMEZONE,
                            "schedule: the timezone of the hours; 'caller' for the caller's own (from their zip)."),
                        of(
                            "days",
                            "Days",
                            STRING_LIST,
                            "schedule: MON..SUN; empty means every day."),
                        of("from", "From", TIME, "schedule: opening time, HH:mm."),
                        of("to", "To", TIME, "schedule: closing time, HH:mm (exclusive)."),
                        of(
                            "holidays",
                            "Holidays",
                            DATE_LIST,
                            "schedule: closed dates, yyyy-MM-dd."),
                        of("windowDays", "Window (days)", INTEGER, "history: how far back to look.")
                            .range(1, 3650),
                        of("basis", "Counts", ENUM, "history: which earlier calls count.")
                            .allowed("any", "connected", "converted")
                            .withDefault("any"))),
            List.of(
                port("true", "True", true, "When the clauses hold."),
                port("false", "False", true, "Otherwise.")),
            null));
    add(
        new NodeSpec(
            NodeKind.SET_TAG,
            "Set tag",
            "Logic",
            "Sets a call tag that later conditions, buyers and postbacks can see.",
            List.of(
                of("tag", "Tag", STRING, "The tag name.").maxLength(64).mandatory(),
                of("value", "Value", STRING, "The value.").maxLength(1000).mandatory()),
            List.of(port("next", "Next", true, "The next step.")),
            null));
    add(
        new NodeSpec(
            NodeKind.ROUTE,
            "Route",
            "Routing",
            "Sends the call to the best eligible target by the chosen distribution method.",
            List.of(
                of("targets", "Targets", TARGET_REFS, "Targets to consider."),
                of("groups", "Target groups", GROUP_REFS, "Groups whose targets are considered."),
                of(
                        "method",
                        "Distribution",
                        ENUM,
                        "How eligible targets are ranked within a priority tier.")
                    .allowed("priority", "weighted", "roundRobin", "ringTree", "performance")
                    .withDefault("priority"),
                of("floor", "Floor", DECIMAL, "ringTree: the lowest bid or price accepted.")
                    .withDefault(0),
                of(
                        "auction",
                        "Tiers",
                        ENUM,
                        "tiers: a lower priority tier is tried only after every higher one;"
                            + " oneAuction: all tiers compete together (tier breaks ties).")
                    .allowed("tiers", "oneAuction")
                    .withDefault("tiers"),
                of(
                        "pingDeadlineMillis",
                        "Ping deadline (ms)",
                        INTEGER,
                        "ringTree: overall time for bids.")
                    .range(50, 10000)
                    .withDefault(2000),
                of("dialTimeoutSeconds", "Ring time (s)", INTEGER, "How long each candidate rings.")
                    .range(5, 120)
                    .withDefault(30),
                of(
                        "maxAttempts",
                        "Candidates to try",
                        INTEGER,
                        "How many candidates are dialled in turn.")
                    .range(1, 10)
                    .withDefault(3),
                of("record", "Record", BOOLEAN, "Record the connected call.").withDefault(true),
                of(
                        "performanceMetric",
                        "Performance metric",
                        ENUM,
                        "performance: rank by conversion rate or by revenue per call.")
                    .allowed("conversionRate", "revenuePerCall")
                    .withDefault("conversionRate"),
                of(
                        "defaultConversionRate",
                        "Default conversion rate",
                        DECIMAL,
                        "performance: rate assumed for targets without history (0..1).")
                    .withDefault(new java.math.BigDecimal("0.10")),
                of(
                        "defaultRevenuePerCall",
                        "Default revenue per call",
                        DECIMAL,
                        "performance: revenue per call assumed for targets without history.")
                    .withDefault(0)),
            List.of(
                port("fallback", "Fallback", true, "When no target is eligible or none answers.")),
            null));
    add(
        new NodeSpec(
            NodeKind.VOICEMAIL,
            "Voicemail",
            "Voice",
            "Records a message from the caller.",
            List.of(
                of("prompt", "Prompt", TEXT, "Said before the beep.")
                    .maxLength(4000)
                    .withDefault("Please leave a message after the tone."),
                VOICE,
                LANGUAGE,
                of("maxLengthSeconds", "Maximum length (s)", INTEGER, "Longest message.")
                    .range(5, 600)
                    .withDefault(120),
                of("beep", "Beep", BOOLEAN, "Play a beep before recording.").withDefault(true)),
            List.of(port("next", "Next", false, "After the message; hangs up if unconnected.")),
            null));
    add(
        new NodeSpec(
            NodeKind.CONNECTOR,
            "Connector",
            "Integration",
            "Calls a registered Camel route with call tags and stores its answer as tags.",
            List.of(
                of("connectorId", "Connector", CONNECTOR_REF, "The registered connector route id.")
                    .maxLength(64)
                    .mandatory(),
                of("inputs", "Inputs", KEY_VALUE, "Connector parameter name -> call tag sent."),
                of("outputs", "Outputs", KEY_VALUE, "Call tag to set -> connector result field."),
                of("timeoutMillis", "Timeout (ms)", INTEGER, "How long to wait for the connector.")
                    .range(50, 30000)
                    .withDefault(3000)),
            List.of(
                port("next", "Next", true, "After the connector answered."),
                port(
                    "error",
                    "Error",
                    false,
                    "On failure or timeout; continues at next if unconnected.")),
            null));
    add(
        new NodeSpec(
            NodeKind.GOTO,
            "Go to / loop",
            "Flow",
            "Jumps back (or forward) along its loop port until the limit, then leaves by exhausted.",
            List.of(
                of(
                        "maxLoops",
                        "Loop limit",
                        INTEGER,
                        "How many times the loop port is taken per call.")
                    .range(1, 20)
                    .withDefault(3)),
            List.of(
                port("loop", "Loop", true, "Taken while under the limit."),
                port("exhausted", "Exhausted", true, "Taken once the limit is reached.")),
            null));
    add(
        new NodeSpec(
            NodeKind.HANGUP,
            "Hang up",
            "Flow",
            "Ends the call, optionally after a goodbye.",
            List.of(
                of("text", "Goodbye", TEXT, "Said before hanging up.").maxLength(4000),
                VOICE,
                LANGUAGE),
            List.of(),
            null));
  }

  private NodeCatalog() {}

  private static void add(NodeSpec spec) {
    SPECS.put(spec.kind(), spec);
  }

  private static PortSpec port(String name, String label, boolean required, String help) {
    return new PortSpec(name, label, required, help);
  }

  /** Every node kind's spec, in palette order. */
  public static List<NodeSpec> all() {
    return List.copyOf(SPECS.values());
  }

  public static NodeSpec spec(NodeKind kind) {
    return SPECS.get(kind);
  }

  /** The ports a node has: the kind's fixed ports plus one per option key for menus. */
  public static List<String> portsOf(FlowNode node) {
    NodeSpec spec = spec(node.kind());
    List<String> out = new java.util.ArrayList<>();
    if (spec.dynamicPortsFrom() != null) {
      for (Map<String, Object> item : node.settings().objects(spec.dynamicPortsFrom())) {
        String key = NodeConfig.itemString(item, "key");
        if (key != null && !out.contains(key)) {
          out.add(key);
        }
      }
    }
    spec.ports().forEach(p -> out.add(p.name()));
    return List.copyOf(out);
  }
}
