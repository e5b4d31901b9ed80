package org.ringtree.runtime.telephony;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UrlPathHelper;

/**
 * The voice webhook paths, shared by the controllers, the Twilio-shaped driver and the tests. Point
 * a Twilio number's "A call comes in" at {@link #INCOMING} and its status callback at {@link
 * #STATUS}; the others are set in the TwiML we answer with, carrying {@code call} (our call id) and
 * {@code step} (the call's step number, which makes a replayed webhook recognisable).
 */
public final class WebhookPaths {

  public static final String BASE = "/twilio/voice";
  public static final String INCOMING = BASE + "/incoming";
  public static final String GATHER = BASE + "/gather";
  public static final String DIAL = BASE + "/dial";
  public static final String RECORD = BASE + "/record";
  public static final String STATUS = BASE + "/status";
  public static final String RECORDING = BASE + "/recording";

  /**
   * Where a dialled buyer leg's {@code answered} event goes (the {@code statusCallback} of the
   * {@code <Number>} or {@code <Sip>}), carrying the call id and the step of its dial.
   */
  public static final String LEG = BASE + "/leg";

  /** Where a campaign fallback's dial or voicemail ends: the answer is a hang-up. */
  public static final String FALLBACK_DONE = BASE + "/fallback-done";

  public static final String CALL_PARAM = "call";
  public static final String STEP_PARAM = "step";

  /** Decodes and strips {@code ;} path parameters as Spring MVC does before it routes. */
  private static final UrlPathHelper ROUTED_PATH = routedPath();

  private WebhookPaths() {}

  /**
   * Whether the request may reach a voice webhook however its path is spelled: the path Spring MVC
   * routes on (percent-decoded, {@code ;} parameters removed) and the servlet container's own
   * (normalised) path, each with dot segments resolved, repeated slashes merged, dots and spaces at
   * the end of a segment dropped and case ignored. Broader than the routes on purpose: a spelling
   * that routes nowhere is refused too, which costs nothing.
   */
  static boolean isUnderBase(HttpServletRequest request) {
    if (request.getRequestURI().startsWith(BASE)) {
      return true; // the spelling Twilio uses: no decoding needed
    }
    String container =
        request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    return isUnderBase(ROUTED_PATH.getPathWithinApplication(request)) || isUnderBase(container);
  }

  static boolean isUnderBase(String decodedPath) {
    String normal =
        StringUtils.cleanPath(decodedPath.replace('\\', '/'))
            .replaceAll("[.\\s]+(?=/|$)", "")
            .replaceAll("/{2,}", "/")
            .toLowerCase(Locale.ROOT);
    return normal.startsWith(BASE) || ("/" + normal).startsWith(BASE);
  }

  private static UrlPathHelper routedPath() {
    UrlPathHelper helper = new UrlPathHelper();
    helper.setUrlDecode(true);
    helper.setRemoveSemicolonContent(true);
    return helper;
  }
}
