package org.ringtree.rules.routing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.ringtree.rules.directory.Destination.BidResponseFormat;
import org.ringtree.rules.directory.Destination.PingMode;
import org.ringtree.rules.directory.Destination.RtbEndpoint;

/**
 * A ping-post target's post (docs/rtb.md, "Ping-post"): where it goes and how it is written and
 * read. A RINGTREE or MAPPING target is posted Ringtree's post shape; a TEMPLATE target its own
 * template under {@code post.*} keys (method, body, body type, headers, as {@code request.*} is for
 * the ping). The answer of a RINGTREE target is Ringtree's post answer; of a MAPPING or TEMPLATE
 * target it is read through {@code post.accepted} (with {@code post.acceptedValue}), {@code
 * post.destination} and {@code post.reason}. Pure Java.
 */
public final class PingPost {

  public static final String METHOD = "post.method";
  public static final String BODY = "post.body";
  public static final String BODY_TYPE = "post.bodyType";
  public static final String HEADER_PREFIX = "post.header.";

  /** Where in the post's answer the buyer says yes (JSON Pointer or JsonPath). */
  public static final String ACCEPTED = "post.accepted";

  /**
   * The value at {@link #ACCEPTED} that means yes (compared as text, case-insensitive); absent:
   * {@code true}, a non-zero number or a word such as {@code yes}, {@code ok}, {@code success}.
   */
  public static final String ACCEPTED_VALUE = "post.acceptedValue";

  /** Where the answer may name a new destination to dial instead of the bid's. */
  public static final String DESTINATION = "post.destination";

  /** Where the answer says why it refused. */
  public static final String REASON = "post.reason";

  private PingPost() {}

  /**
   * The post as an endpoint of its own: the post URL and timeout, and for a TEMPLATE target its
   * {@code post.*} template as the {@code request.*} a ping template would be. The ping's headers
   * ({@code request.header.*}, an API key) go with the post too, unless {@code post.header.*} names
   * the same header.
   *
   * @throws IllegalArgumentException when the endpoint is not ping-post
   */
  public static RtbEndpoint postEndpoint(RtbEndpoint e) {
    if (!e.pingPost()) {
      throw new IllegalArgumentException("not a ping-post endpoint: " + e.url());
    }
    Map<String, String> m = new LinkedHashMap<>();
    e.mapping()
        .forEach(
            (k, v) -> {
              if (k.startsWith(RtbRequestTemplate.HEADER_PREFIX)
                  || k.startsWith(RtbRequestTemplate.FIELD_PREFIX)) {
                m.put(k, v);
              }
            });
    boolean template = e.format() == BidResponseFormat.TEMPLATE;
    e.mapping()
        .forEach(
            (k, v) -> {
              if (k.startsWith(HEADER_PREFIX)) {
                m.put(RtbRequestTemplate.HEADER_PREFIX + k.substring(HEADER_PREFIX.length()), v);
              } else if (template && k.equals(METHOD)) {
                m.put(RtbRequestTemplate.METHOD, v);
              } else if (template && k.equals(BODY)) {
                m.put(RtbRequestTemplate.BODY, v);
              } else if (template && k.equals(BODY_TYPE)) {
                m.put(RtbRequestTemplate.BODY_TYPE, v);
              }
            });
    return new RtbEndpoint(
        e.postUrl(),
        e.effectivePostTimeoutMillis(),
        template ? BidResponseFormat.TEMPLATE : BidResponseFormat.RINGTREE,
        m,
        PingMode.RTB,
        null,
        null,
        null);
  }

  /** Whether the post's answer is read through {@code post.*} paths (not Ringtree's shape). */
  public static boolean answerByPaths(RtbEndpoint e) {
    return e.format() != BidResponseFormat.RINGTREE;
  }

  /** What is wrong with a ping-post target's post, in words an operator can act on. */
  public static Optional<String> problem(RtbEndpoint e) {
    if (!e.pingPost()) {
      return Optional.empty();
    }
    if (answerByPaths(e)) {
      String accepted = e.mapping().get(ACCEPTED);
      if (accepted == null || accepted.isBlank()) {
        return Optional.of(
            "the post: a "
                + e.format()
                + " target needs the path of the post answer's accept field ("
                + ACCEPTED
                + ")");
      }
    }
    return RtbRequestTemplate.problem(postEndpoint(e)).map(p -> "the post: " + p);
  }
}
