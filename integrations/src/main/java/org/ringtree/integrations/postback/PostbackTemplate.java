package org.ringtree.integrations.postback;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ringtree.rules.directory.OutboundUrl;

/**
 * A publisher's postback URL with placeholders, e.g. {@code
 * https://track.example.com/pb?click={sub_id}&amount={payout}&st={caller_state}&kw={tag:keyword}}.
 *
 * <p>Every value is percent-encoded (RFC 3986 unreserved characters only stay as they are), so a
 * value can never add a parameter, change the path or the host. Placeholders may not appear in the
 * scheme, host or port. Unknown placeholders are refused when the template is parsed, so operators
 * see the mistake when they save it. Immutable and thread-safe.
 */
public final class PostbackTemplate {

  /** The placeholders a template may use, besides {@code {tag:NAME}}. */
  public static final Set<String> PLACEHOLDERS =
      Set.of(
          "event",
          "call_id",
          "publisher_id",
          "campaign_id",
          "sub_id",
          "caller_number",
          "caller_state",
          "caller_zip",
          "payout",
          "currency",
          "duration");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
  private static final Pattern AUTHORITY = Pattern.compile("(?i)^https?://[^/?#{}]+(?=[/?#]|$)");
  private static final Pattern TAG_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private final String template;
  private final List<Part> parts;

  private sealed interface Part {}

  private record Literal(String text) implements Part {}

  private record Placeholder(String name) implements Part {}

  private PostbackTemplate(String template, List<Part> parts) {
    this.template = template;
    this.parts = List.copyOf(parts);
  }

  /**
   * @throws IllegalArgumentException naming the problem: not http(s), a placeholder in the host, an
   *     unknown placeholder, or a stray brace
   */
  public static PostbackTemplate parse(String template) {
    Objects.requireNonNull(template, "template");
    String t = template.strip();
    Matcher authority = AUTHORITY.matcher(t);
    if (!authority.find()) {
      throw new IllegalArgumentException(
          "a postback URL must start with http:// or https:// and a host without placeholders: "
              + t);
    }
    List<Part> parts = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(t);
    int last = 0;
    while (m.find()) {
      String name = m.group(1).trim();
      boolean known =
          PLACEHOLDERS.contains(name)
              || (name.startsWith("tag:") && TAG_NAME.matcher(name.substring(4)).matches());
      if (!known) {
        throw new IllegalArgumentException(
            "unknown placeholder {"
                + m.group(1)
                + "} in postback URL; use one of "
                + new java.util.TreeSet<>(PLACEHOLDERS)
                + " or {tag:NAME}");
      }
      literal(parts, t.substring(last, m.start()));
      parts.add(new Placeholder(name));
      last = m.end();
    }
    literal(parts, t.substring(last));
    PostbackTemplate parsed = new PostbackTemplate(t, parts);
    // A template is only valid if its expansion is a URL Ringtree calls out to.
    OutboundUrl.require(parsed.expand(name -> "x"), "postback URL");
    return parsed;
  }

  private static void literal(List<Part> parts, String text) {
    if (text.indexOf('{') >= 0 || text.indexOf('}') >= 0) {
      throw new IllegalArgumentException("stray brace in postback URL near: " + text);
    }
    if (!text.isEmpty()) {
      parts.add(new Literal(text));
    }
  }

  /** The placeholders this template uses, in order of appearance. */
  public Set<String> placeholders() {
    Set<String> names = new LinkedHashSet<>();
    for (Part p : parts) {
      if (p instanceof Placeholder ph) {
        names.add(ph.name());
      }
    }
    return names;
  }

  /** The URL for one call, each value percent-encoded. */
  public String expand(PostbackValues values) {
    return expand(name -> valueOf(name, values));
  }

  private String expand(Function<String, String> valueOf) {
    StringBuilder url = new StringBuilder();
    for (Part p : parts) {
      if (p instanceof Literal l) {
        url.append(l.text());
      } else if (p instanceof Placeholder ph) {
        url.append(encode(valueOf.apply(ph.name())));
      }
    }
    return url.toString();
  }

  private static String valueOf(String name, PostbackValues v) {
    if (name.startsWith("tag:")) {
      return v.tags().get(name.substring(4));
    }
    return switch (name) {
      case "event" -> v.event();
      case "call_id" -> v.callId();
      case "publisher_id" -> v.publisherId();
      case "campaign_id" -> v.campaignId();
      case "sub_id" -> v.subId();
      case "caller_number" -> v.callerNumber();
      case "caller_state" -> v.callerState();
      case "caller_zip" -> v.callerZip();
      case "payout" -> v.payout() == null ? null : v.payout().amount().toPlainString();
      case "currency" -> v.payout() == null ? null : v.payout().currency();
      case "duration" -> v.duration() == null ? null : Long.toString(v.duration().toSeconds());
      default -> throw new IllegalStateException("unknown placeholder " + name);
    };
  }

  /** RFC 3986 percent-encoding of everything but unreserved characters. */
  static String encode(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return template;
  }
}
