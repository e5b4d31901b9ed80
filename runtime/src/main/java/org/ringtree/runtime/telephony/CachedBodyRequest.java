package org.ringtree.runtime.telephony;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A request whose body was read already (to check a signature over its exact bytes): serves the
 * same bytes again, and the parameters parsed from them, decoded as UTF-8 as the providers send
 * them. Of the query string only Ringtree's own {@code call} and {@code step} are kept: the body is
 * what was signed, so no field may come from, or be overridden by, the unsigned URL.
 */
final class CachedBodyRequest extends HttpServletRequestWrapper {

  private final byte[] body;
  private final Map<String, String[]> parameters;

  private static final Set<String> OWN_QUERY_FIELDS =
      Set.of(WebhookPaths.CALL_PARAM, WebhookPaths.STEP_PARAM);

  private CachedBodyRequest(HttpServletRequest request, byte[] body) {
    super(request);
    this.body = body;
    MultiValueMap<String, String> all = new LinkedMultiValueMap<>();
    if (request.getQueryString() != null) {
      MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
      decode(request.getQueryString(), query);
      query.forEach(
          (name, values) -> {
            if (OWN_QUERY_FIELDS.contains(name)) {
              all.addAll(name, values);
            }
          });
    }
    if (isForm(request.getContentType())) {
      decode(new String(body, StandardCharsets.UTF_8), all);
    }
    Map<String, String[]> params = new LinkedHashMap<>();
    all.forEach((name, values) -> params.put(name, values.toArray(String[]::new)));
    this.parameters = Collections.unmodifiableMap(params);
  }

  /** The request with its fields taken from the signed body (and our own call/step query). */
  static CachedBodyRequest bodyFieldsOnly(HttpServletRequest request, byte[] body) {
    return new CachedBodyRequest(request, body);
  }

  private static boolean isForm(String contentType) {
    try {
      return contentType != null
          && MediaType.APPLICATION_FORM_URLENCODED.includes(MediaType.parseMediaType(contentType));
    } catch (org.springframework.http.InvalidMediaTypeException e) {
      return false;
    }
  }

  private static void decode(String encoded, MultiValueMap<String, String> into) {
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        into.add(
            URLDecoder.decode(name, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException malformed) {
        // skipped, as Tomcat skips a pair it cannot decode; the webhook's own checks then name
        // the missing field
      }
    }
  }

  @Override
  public ServletInputStream getInputStream() {
    ByteArrayInputStream in = new ByteArrayInputStream(body);
    return new ServletInputStream() {
      @Override
      public int read() {
        return in.read();
      }

      @Override
      public int read(byte[] b, int off, int len) {
        return in.read(b, off, len);
      }

      @Override
      public boolean isFinished() {
        return in.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException("the body was read already");
      }
    };
  }

  @Override
  public BufferedReader getReader() {
    return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
  }

  @Override
  public String getParameter(String name) {
    String[] values = parameters.get(name);
    return values == null || values.length == 0 ? null : values[0];
  }

  @Override
  public Map<String, String[]> getParameterMap() {
    return parameters;
  }

  @Override
  public Enumeration<String> getParameterNames() {
    return Collections.enumeration(parameters.keySet());
  }

  @Override
  public String[] getParameterValues(String name) {
    String[] values = parameters.get(name);
    return values == null ? null : values.clone();
  }
}
