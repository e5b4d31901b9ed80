package org.ringtree.integrations.rtb;

import java.util.Map;
import java.util.Objects;

/**
 * One ping as a buyer's platform expects it: method, full URL (with its query), extra headers,
 * content type and body (null for none). The URL is checked ({@code OutboundUrl}) before sending.
 */
public record RtbHttpRequest(
    String method, String url, Map<String, String> headers, String contentType, String body) {

  public RtbHttpRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }

  static RtbHttpRequest json(String url, String body) {
    return new RtbHttpRequest("POST", url, Map.of(), "application/json", body);
  }
}
