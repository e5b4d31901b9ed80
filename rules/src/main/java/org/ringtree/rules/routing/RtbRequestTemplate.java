package org.ringtree.rules.routing;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ringtree.rules.directory.Destination;
import org.ringtree.rules.directory.Destination.BidResponseFormat;
import org.ringtree.rules.directory.OutboundUrl;
import org.ringtree.rules.json.RingtreeJson;

/**
 * The request a {@link BidResponseFormat#TEMPLATE} target is sent, and the names under which the
 * platform formats send the call's fields (docs/rtb.md, "Template"). Everything is kept in the
 * endpoint's {@code mapping} (keys {@code request.*} and {@code field.*}), so stored targets keep
 * their JSON shape.
 *
 * <p>A placeholder is {@code {name}} or {@code {tag:NAME}}: it is <b>looked up</b> by name in the
 * call's values, never evaluated, and its value is encoded for where it lands (percent-encoded in
 * the URL, JSON-escaped in a JSON body, form-encoded in a form body). An unknown name is refused
 * when the target is saved. Pure Java: used by the target form, the directory API and the pinger.
 */
public final class RtbRequestTemplate {

  /** GET or POST (default POST). */
  public static final String METHOD = "request.method";

  /** The body template; absent = no body. */
  public static final String BODY = "request.body";

  /** {@code json} (default) or {@code form}: how the body is written and its values encoded. */
  public static final String BODY_TYPE = "request.bodyType";

  /** {@code request.header.X-Api-Key=secret}: a literal header sent with every ping. */
  public static final String HEADER_PREFIX = "request.header.";

  /** {@code field.state=State}: the name a platform format sends the call's state under. */
  public static final String FIELD_PREFIX = "field.";

  /** The placeholders a template may use (besides {@code tag:NAME}). */
  public static final Set<String> NAMES =
      Set.of(
          "callId",
          "campaignId",
          "publisherId",
          "callerNumber",
          "callerNumberNoPlus",
          "callerNumber10",
          "state",
          "zip",
          "city",
          "areaCode",
          "country",
          "arrivedAt",
          "timeoutMillis",
          "score",
          "bidId",
          "bidAmount");

  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\{(tag:[A-Za-z0-9_.-]+|[A-Za-z][A-Za-z0-9]*)\\}");
  private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9-]{1,64}");

  /** Headers Ringtree or the HTTP client own; a template may not set them. */
  private static final Set<String> RESERVED_HEADERS =
      Set.of(
          "host",
          "content-length",
          "content-type",
          "transfer-encoding",
          "connection",
          "upgrade",
          "expect",
          "te",
          "trailer",
          "keep-alive",
          "proxy-authorization",
          "cookie");

  /** Where a rendered value lands. */
  public enum Encoding {
    URL,
    JSON,
    FORM
  }

  private RtbRequestTemplate() {}

  /**
   * The values of a ping-post target's post: the call's, with the ping's {@code bidId} (when the
   * buyer gave one) and {@code bidAmount}.
   */
  public static Map<String, String> values(BidRequest r, Bid bid, Duration timeout) {
    Map<String, String> v = values(r, timeout);
    put(v, "bidId", bid.bidId());
    v.put("bidAmount", bid.amount().amount().toPlainString());
    return v;
  }

  /**
   * The call's values by placeholder name; fields we do not know are absent ({@code bidId} and
   * {@code bidAmount} are only known to a post).
   */
  public static Map<String, String> values(BidRequest r, Duration timeout) {
    Map<String, String> v = new LinkedHashMap<>();
    put(v, "callId", r.callId());
    put(v, "campaignId", r.campaignId());
    put(v, "publisherId", r.publisherId());
    put(v, "callerNumber", r.callerNumber());
    if (r.callerNumber() != null) {
      String digits = r.callerNumber().replaceAll("[^0-9]", "");
      v.put("callerNumberNoPlus", digits);
      if (digits.length() == 11 && digits.startsWith("1")) {
        v.put("callerNumber10", digits.substring(1));
      }
    }
    put(v, "state", r.callerState());
    put(v, "zip", r.callerZip());
    put(v, "city", r.callerCity());
    put(v, "areaCode", r.callerAreaCode());
    put(v, "country", r.callerCountry());
    if (r.arrivedAt() != null) {
      v.put("arrivedAt", r.arrivedAt().toString());
    }
    v.put("timeoutMillis", Long.toString(timeout.toMillis()));
    if (r.score() != null) {
      v.put("score", Integer.toString(r.score()));
    }
    new TreeMap<>(r.tags()).forEach((k, val) -> v.put("tag:" + k, val));
    return v;
  }

  private static void put(Map<String, String> v, String k, String value) {
    if (value != null) {
      v.put(k, value);
    }
  }

  /**
   * The template with each placeholder replaced by its value, encoded for where it lands; an absent
   * value is empty. One pass: a value that looks like a placeholder stays text.
   */
  public static String render(String template, Map<String, String> values, Encoding encoding) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.getOrDefault(m.group(1), "");
      m.appendReplacement(out, Matcher.quoteReplacement(encode(value, encoding)));
    }
    m.appendTail(out);
    return out.toString();
  }

  static String encode(String value, Encoding encoding) {
    return switch (encoding) {
      // RFC 3986 unreserved characters stay; everything else is percent-encoded, so a value can
      // neither end a path segment nor start another query parameter
      case URL -> URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
      case FORM -> URLEncoder.encode(value, StandardCharsets.UTF_8);
      case JSON -> new String(JsonStringEncoder.getInstance().quoteAsString(value));
    };
  }

  /** The literal headers of a target, by name. */
  public static Map<String, String> headers(Map<String, String> mapping) {
    Map<String, String> h = new TreeMap<>();
    mapping.forEach(
        (k, v) -> {
          if (k.startsWith(HEADER_PREFIX)) {
            h.put(k.substring(HEADER_PREFIX.length()), v);
          }
        });
    return h;
  }

  /**
   * The name a platform format sends a field under: the target's {@code field.<key>}, or the
   * default.
   */
  public static String fieldName(Map<String, String> mapping, String key, String platformDefault) {
    String configured = mapping.get(FIELD_PREFIX + key);
    return configured == null || configured.isBlank() ? platformDefault : configured.strip();
  }

  public static String method(Map<String, String> mapping) {
    String m = mapping.getOrDefault(METHOD, "POST").strip().toUpperCase(Locale.ROOT);
    return m.isEmpty() ? "POST" : m;
  }

  public static boolean formBody(Map<String, String> mapping) {
    return "form".equalsIgnoreCase(mapping.getOrDefault(BODY_TYPE, "json").strip());
  }

  /**
   * What is wrong with an RTB endpoint's request, in words an operator can act on: its URL (for a
   * template, the URL rendered with sample values), and for a template its method, placeholders,
   * body and headers. Empty when it can be sent.
   */
  public static Optional<String> problem(Destination.RtbEndpoint e) {
    for (Map.Entry<String, String> h : headers(e.mapping()).entrySet()) {
      Optional<String> p = headerProblem(h.getKey(), h.getValue());
      if (p.isPresent()) {
        return p;
      }
    }
    if (e.format() != BidResponseFormat.TEMPLATE) {
      return OutboundUrl.problem(e.url()).or(() -> PingPost.problem(e));
    }
    String method = method(e.mapping());
    if (!method.equals("GET") && !method.equals("POST")) {
      return Optional.of("the request method must be GET or POST, not " + method);
    }
    Optional<String> unknown = unknownPlaceholder("the URL", e.url());
    if (unknown.isEmpty() && e.mapping().containsKey(BODY)) {
      unknown = unknownPlaceholder("the body", e.mapping().get(BODY));
    }
    if (unknown.isPresent()) {
      return unknown;
    }
    int hostEnd = e.url().indexOf('/', e.url().indexOf("://") + 3);
    String origin = hostEnd < 0 ? e.url() : e.url().substring(0, hostEnd);
    if (origin.contains("{")) {
      return Optional.of("placeholders may only be in the URL's path and query, not its host");
    }
    Map<String, String> sample = sampleValues();
    String url = render(e.url(), sample, Encoding.URL);
    Optional<String> urlProblem = OutboundUrl.problem(url);
    if (urlProblem.isPresent()) {
      return Optional.of("the URL template gives an unusable URL: " + urlProblem.get());
    }
    String body = e.mapping().get(BODY);
    if (body != null && !body.isBlank()) {
      if (method.equals("GET")) {
        return Optional.of("a GET request has no body: put the values in the URL's query");
      }
      if (!formBody(e.mapping())) {
        String json = render(body, sample, Encoding.JSON);
        try {
          RingtreeJson.mapper().readTree(json);
        } catch (Exception ex) {
          return Optional.of(
              "the body template is not valid JSON once filled in (a placeholder belongs inside"
                  + " quotes): "
                  + json);
        }
      }
    }
    String type = e.mapping().get(BODY_TYPE);
    if (type != null
        && !type.strip().equalsIgnoreCase("json")
        && !type.strip().equalsIgnoreCase("form")) {
      return Optional.of("the body type is json or form, not " + type.strip());
    }
    return PingPost.problem(e);
  }

  /**
   * @throws IllegalArgumentException saying what is wrong, prefixed by what the endpoint is for
   */
  public static void require(Destination.RtbEndpoint e, String what) {
    problem(e)
        .ifPresent(
            p -> {
              throw new IllegalArgumentException(what + ": " + p);
            });
  }

  private static Optional<String> headerProblem(String name, String value) {
    if (!HEADER_NAME.matcher(name).matches()) {
      return Optional.of("a header name is letters, digits and '-': " + name);
    }
    String lower = name.toLowerCase(Locale.ROOT);
    // Camel reads message headers named Camel* as its own instructions (URI, method, path)
    if (lower.startsWith("camel") || RESERVED_HEADERS.contains(lower)) {
      return Optional.of("the header " + name + " is set by Ringtree, not by a target");
    }
    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      return Optional.of("a header value is one line");
    }
    return Optional.empty();
  }

  private static Optional<String> unknownPlaceholder(String where, String template) {
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      String name = m.group(1);
      if (!name.startsWith("tag:") && !NAMES.contains(name)) {
        return Optional.of(
            where
                + " has an unknown placeholder {"
                + name
                + "}; known: "
                + String.join(", ", new java.util.TreeSet<>(NAMES))
                + ", tag:NAME");
      }
    }
    return Optional.empty();
  }

  /** Values with every character class a real call may bring, to try a template at save time. */
  private static Map<String, String> sampleValues() {
    Map<String, String> v = new LinkedHashMap<>();
    for (String n : NAMES) {
      v.put(n, "a\"b&c=d/e?f g#h{i}");
    }
    return new SampleMap(v);
  }

  /** Every tag:NAME has the sample value too. */
  private static final class SampleMap extends LinkedHashMap<String, String> {
    SampleMap(Map<String, String> v) {
      super(v);
    }

    @Override
    public String getOrDefault(Object key, String fallback) {
      return key instanceof String s && s.startsWith("tag:")
          ? "a\"b&c=d/e?f g#h{i}"
          : super.getOrDefault(key, fallback);
    }
  }
}
