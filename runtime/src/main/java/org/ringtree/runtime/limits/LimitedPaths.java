package org.ringtree.runtime.limits;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.ringtree.runtime.telephony.WebhookPaths;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UrlPathHelper;

/**
 * Which limit a request counts against, decided on the path as Spring MVC will route it
 * (percent-decoded, {@code ;} parameters removed, dot segments resolved, slashes merged, case
 * ignored), so {@code /api/%70ortal/calls} counts as the API like {@code /api/portal/calls}.
 */
final class LimitedPaths {

  /** The limits a request may count against, by path. */
  enum Kind {
    /** The voice webhooks: the provider's few addresses, many requests. */
    WEBHOOK,
    /** Buyers' conversion postbacks: no sign-in, the buyer's key in each request. */
    CONVERSION,
    /** The rest of the REST API. */
    API,
    /** The browser sign-in form, {@code POST /login}. */
    SIGN_IN_FORM,
    /** Everything else: the console, the demo bidders, health and metrics. */
    OTHER
  }

  static final String API = "/api/";
  static final String CONVERSIONS = "/api/postbacks/conversions/";
  static final String FLOW_VERSIONS = "/api/compliance/flows/";
  static final String LOGIN = "/login";

  private static final UrlPathHelper ROUTED_PATH = routedPath();
  private static final String WEBHOOKS = WebhookPaths.BASE + "/";

  private LimitedPaths() {}

  static Kind kind(HttpServletRequest request) {
    if (request.getRequestURI().startsWith(WEBHOOKS)) {
      return Kind.WEBHOOK; // the spelling providers use: nothing to decode on the hot path
    }
    return kind(normalised(request), request.getMethod());
  }

  static Kind kind(String path, String method) {
    if (path.startsWith(WEBHOOKS)) {
      return Kind.WEBHOOK;
    }
    if (path.startsWith(CONVERSIONS)) {
      return Kind.CONVERSION;
    }
    if (path.startsWith(API) || path.equals("/api")) {
      return Kind.API;
    }
    if (path.equals(LOGIN) && "POST".equalsIgnoreCase(method)) {
      return Kind.SIGN_IN_FORM;
    }
    return Kind.OTHER;
  }

  /** A flow document is submitted: the one REST body that may be as large as a flow. */
  static boolean isFlowSubmission(String path, String method) {
    return "POST".equalsIgnoreCase(method)
        && path.startsWith(FLOW_VERSIONS)
        && path.endsWith("/versions");
  }

  /** The path Spring MVC routes on, with every spelling trick undone; lower case. */
  static String normalised(HttpServletRequest request) {
    return normalised(ROUTED_PATH.getPathWithinApplication(request));
  }

  static String normalised(String decodedPath) {
    String normal =
        StringUtils.cleanPath(decodedPath.replace('\\', '/'))
            .replaceAll("[.\\s]+(?=/|$)", "")
            .replaceAll("/{2,}", "/")
            .toLowerCase(Locale.ROOT);
    return normal.startsWith("/") ? normal : "/" + normal;
  }

  private static UrlPathHelper routedPath() {
    UrlPathHelper helper = new UrlPathHelper();
    helper.setUrlDecode(true);
    helper.setRemoveSemicolonContent(true);
    return helper;
  }
}
