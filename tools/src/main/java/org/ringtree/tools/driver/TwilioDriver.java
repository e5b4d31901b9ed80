package org.ringtree.tools.driver;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.ringtree.integrations.twilio.TwilioSignatures;
import org.ringtree.integrations.twilio.TwilioWebhookFields;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Drives the platform the way Twilio does: form-encoded, signed webhooks over real HTTP, following
 * the TwiML it gets back — answering Gathers from a script, playing the buyer legs of each Dial,
 * and ending with the status callback. Used by the tests, {@code ./ringtree call} and the load
 * benchmark.
 */
public final class TwilioDriver {

  /**
   * Where a number's "A call comes in" points, as configured at Twilio; every later webhook follows
   * the URLs in the TwiML answers. The platform serves it (a runtime test keeps the two equal).
   */
  public static final String INCOMING_PATH = "/twilio/voice/incoming";

  /** Where a number's status callback points, as configured at Twilio. */
  public static final String STATUS_PATH = "/twilio/voice/status";

  private static final int MAX_WEBHOOKS = 60;
  private static final int SECONDS_PER_PROMPT = 4;
  private static final int RING_SECONDS = 6;

  private final String baseUrl;
  private final String authToken;
  private final Duration realTimeTalk;
  private final HttpClient http;

  /**
   * @param baseUrl where the platform listens, and the public base URL it checks signatures against
   *     (the same on a laptop)
   */
  public TwilioDriver(String baseUrl, String authToken) {
    this(baseUrl, authToken, Duration.ZERO);
  }

  private TwilioDriver(String baseUrl, String authToken, Duration realTimeTalk) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.authToken = authToken;
    this.realTimeTalk = realTimeTalk;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /**
   * This driver, but a buyer who answers talks in real time, up to {@code atMost}, between the
   * leg's answered event and its end: long enough to watch the call as connected in the live view.
   */
  public TwilioDriver talkingInRealTime(Duration atMost) {
    return new TwilioDriver(baseUrl, authToken, atMost);
  }

  /** Places one call from the script and follows it to the end. */
  public CallTranscript place(CallScript script) {
    String callSid = newSid("CA");
    List<WebhookExchange> exchanges = new ArrayList<>();
    List<String> heard = new ArrayList<>();
    List<String> answers = script.mutableAnswers();
    List<CallScript.Leg> legs = new ArrayList<>(script.legs());
    int clock = 0;

    Map<String, String> base = new LinkedHashMap<>();
    base.put(TwilioWebhookFields.CALL_SID, callSid);
    base.put(TwilioWebhookFields.ACCOUNT_SID, "AC" + "0".repeat(32));
    base.put(TwilioWebhookFields.FROM, script.callerNumber());
    base.put(TwilioWebhookFields.TO, script.trackingNumber());
    base.put(TwilioWebhookFields.DIRECTION, "inbound");
    putIfPresent(base, TwilioWebhookFields.FROM_STATE, script.callerState());
    putIfPresent(base, TwilioWebhookFields.FROM_ZIP, script.callerZip());
    putIfPresent(base, TwilioWebhookFields.FROM_CITY, script.callerCity());
    base.put(TwilioWebhookFields.FROM_COUNTRY, "US");

    Map<String, String> first = new LinkedHashMap<>(base);
    first.put(TwilioWebhookFields.CALL_STATUS, "ringing");
    WebhookExchange exchange = post(INCOMING_PATH, first);
    exchanges.add(exchange);

    boolean ended = false;
    String finalStatus = "completed";
    while (!ended && exchanges.size() < MAX_WEBHOOKS) {
      if (exchange.status() != 200) {
        break;
      }
      Element response = parse(exchange.body());
      WebhookExchange next = null;
      for (Element verb : children(response)) {
        switch (verb.getTagName()) {
          case "Say" -> {
            heard.add("\"" + verb.getTextContent() + "\"");
            clock += SECONDS_PER_PROMPT;
          }
          case "Play" -> {
            heard.add("[audio " + verb.getTextContent() + "]");
            clock += SECONDS_PER_PROMPT;
          }
          case "Pause" -> clock += intAttr(verb, "length", 1);
          case "Gather" -> {
            for (Element prompt : children(verb)) {
              if (prompt.getTagName().equals("Say")) {
                heard.add("\"" + prompt.getTextContent() + "\"");
              }
              clock += SECONDS_PER_PROMPT;
            }
            Map<String, String> params = new LinkedHashMap<>(base);
            params.put(TwilioWebhookFields.CALL_STATUS, "in-progress");
            if (answers.isEmpty()) {
              clock += intAttr(verb, "timeout", 5);
              heard.add("(caller says nothing)");
              params.put(TwilioWebhookFields.DIGITS, "");
            } else {
              String answer = answers.remove(0);
              if (answer.startsWith("speech:")) {
                params.put(TwilioWebhookFields.SPEECH_RESULT, answer.substring(7));
                params.put("Confidence", "0.92");
                heard.add("(caller says \"" + answer.substring(7) + "\")");
              } else {
                params.put(TwilioWebhookFields.DIGITS, answer);
                heard.add("(caller presses " + answer + ")");
              }
              clock += 2;
            }
            next = post(relative(verb.getAttribute("action")), params);
          }
          case "Dial" -> {
            CallScript.Leg leg = legs.isEmpty() ? CallScript.Leg.ANSWER : legs.remove(0);
            String to = children(verb).stream().map(Node::getTextContent).findFirst().orElse("?");
            heard.add("(dialling " + to.strip() + ": " + leg.dialCallStatus() + ")");
            String legSid = newSid("CA");
            if (leg == CallScript.Leg.ANSWER) {
              answered(verb, callSid, legSid, base).ifPresent(exchanges::add);
              pauseWhileTalking(script.talkSeconds());
            }
            Map<String, String> params = new LinkedHashMap<>(base);
            params.put(TwilioWebhookFields.CALL_STATUS, "in-progress");
            params.put(TwilioWebhookFields.DIAL_CALL_STATUS, leg.dialCallStatus());
            params.put(TwilioWebhookFields.DIAL_CALL_SID, legSid);
            int talk = leg == CallScript.Leg.ANSWER ? script.talkSeconds() : 0;
            params.put(TwilioWebhookFields.DIAL_CALL_DURATION, Integer.toString(talk));
            clock += RING_SECONDS + talk;
            next = post(relative(verb.getAttribute("action")), params);
          }
          case "Record" -> {
            heard.add("(caller leaves a 20 s message)");
            clock += 20;
            String recordingSid = newSid("RE");
            Map<String, String> params = new LinkedHashMap<>(base);
            params.put(TwilioWebhookFields.CALL_STATUS, "in-progress");
            params.put(TwilioWebhookFields.RECORDING_URL, recordingUrl(recordingSid));
            params.put(TwilioWebhookFields.RECORDING_SID, recordingSid);
            params.put(TwilioWebhookFields.RECORDING_DURATION, "20");
            String callback = verb.getAttribute("recordingStatusCallback");
            if (!callback.isEmpty()) {
              Map<String, String> cb = new LinkedHashMap<>(params);
              cb.put("RecordingStatus", "completed");
              exchanges.add(post(relative(callback), cb));
            }
            next = post(relative(verb.getAttribute("action")), params);
          }
          case "Redirect" -> next = post(relative(verb.getTextContent().strip()), base);
          case "Hangup" -> ended = true;
          case "Reject" -> {
            // never answered: "The call ends with a status of busy or no-answer, depending on the
            // verb's reason attribute" (https://www.twilio.com/docs/voice/twiml/reject)
            String reason = verb.hasAttribute("reason") ? verb.getAttribute("reason") : "rejected";
            finalStatus = reason.equals("busy") ? "busy" : "no-answer";
            heard.add("(call rejected, never answered: " + reason + ")");
            ended = true;
          }
          default -> heard.add("(ignored <" + verb.getTagName() + ">)");
        }
        if (next != null || ended) {
          break;
        }
      }
      if (next == null) {
        ended = true; // Twilio hangs up when the TwiML runs out
      } else {
        exchange = next;
        exchanges.add(exchange);
      }
    }

    Map<String, String> status = new LinkedHashMap<>(base);
    status.put(TwilioWebhookFields.CALL_STATUS, finalStatus);
    status.put(TwilioWebhookFields.CALL_DURATION, Integer.toString(clock));
    exchanges.add(post(STATUS_PATH, status));
    return new CallTranscript(callSid, exchanges, heard, clock);
  }

  /**
   * The answered event of a dialled leg, when its {@code <Number>} or {@code <Sip>} asks for it
   * (https://www.twilio.com/docs/voice/twiml/number#attributes): posted to the noun's {@code
   * statusCallback} with the leg's own CallSid and the caller's as ParentCallSid, CallStatus {@code
   * in-progress}, and the call-progress fields of a status callback.
   */
  private java.util.Optional<WebhookExchange> answered(
      Element dial, String parentSid, String legSid, Map<String, String> caller) {
    for (Element noun : children(dial)) {
      String callback = noun.getAttribute("statusCallback");
      List<String> events = List.of(noun.getAttribute("statusCallbackEvent").split("\\s+"));
      if (callback.isEmpty() || !events.contains("answered")) {
        continue;
      }
      String called = noun.getTextContent().strip();
      Map<String, String> params = new LinkedHashMap<>();
      params.put(TwilioWebhookFields.CALL_SID, legSid);
      params.put(TwilioWebhookFields.PARENT_CALL_SID, parentSid);
      params.put(TwilioWebhookFields.ACCOUNT_SID, caller.get(TwilioWebhookFields.ACCOUNT_SID));
      params.put(
          TwilioWebhookFields.FROM,
          dial.hasAttribute("callerId")
              ? dial.getAttribute("callerId")
              : caller.get(TwilioWebhookFields.FROM));
      params.put(TwilioWebhookFields.TO, called);
      params.put(TwilioWebhookFields.CALLED, called);
      params.put(TwilioWebhookFields.DIRECTION, "outbound-dial");
      params.put(TwilioWebhookFields.CALL_STATUS, "in-progress");
      params.put(TwilioWebhookFields.CALLBACK_SOURCE, "call-progress-events");
      params.put(TwilioWebhookFields.SEQUENCE_NUMBER, "0");
      params.put(
          TwilioWebhookFields.TIMESTAMP,
          java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
              java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC)));
      return java.util.Optional.of(post(relative(callback), params));
    }
    return java.util.Optional.empty();
  }

  /** In real time (the demo), the buyer and the caller talk before the leg ends. */
  private void pauseWhileTalking(int talkSeconds) {
    if (realTimeTalk.isZero()) {
      return;
    }
    Duration pause = Duration.ofSeconds(talkSeconds);
    try {
      Thread.sleep((pause.compareTo(realTimeTalk) < 0 ? pause : realTimeTalk).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Posts a webhook signed the way Twilio signs it. */
  public WebhookExchange post(String pathAndQuery, Map<String, String> params) {
    return postWithSignature(
        pathAndQuery, params, TwilioSignatures.sign(authToken, baseUrl + pathAndQuery, params));
  }

  /** Posts a webhook with the given signature (null: none), e.g. to prove tampering is refused. */
  public WebhookExchange postWithSignature(
      String pathAndQuery, Map<String, String> params, String signature) {
    try {
      HttpResponse<String> response =
          http.send(request(pathAndQuery, params, signature), HttpResponse.BodyHandlers.ofString());
      return new WebhookExchange(
          pathAndQuery, Map.copyOf(params), response.statusCode(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot reach the platform at " + baseUrl + " (is it running?): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /**
   * A signed webhook as the bytes of a whole HTTP/1.1 request, for the load generator's lean
   * sender.
   */
  public byte[] signedRawRequest(String pathAndQuery, Map<String, String> params) {
    return RawHttpSender.formPost(
        URI.create(baseUrl),
        pathAndQuery,
        form(params),
        Map.of(
            TwilioSignatures.HEADER,
            TwilioSignatures.sign(authToken, baseUrl + pathAndQuery, params)));
  }

  private HttpRequest request(String pathAndQuery, Map<String, String> params, String signature) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form(params)));
    if (signature != null) {
      request.header(TwilioSignatures.HEADER, signature);
    }
    return request.build();
  }

  /** Parses a TwiML answer; the root is {@code <Response>}. */
  public static Element parse(String twiml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(twiml)));
      Element root = doc.getDocumentElement();
      if (!root.getTagName().equals("Response")) {
        throw new IllegalStateException("not TwiML (root <" + root.getTagName() + ">): " + twiml);
      }
      return root;
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new IllegalStateException("not TwiML: " + twiml, e);
    }
  }

  /** The element children of a TwiML element, in order. */
  public static List<Element> children(Element parent) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        out.add(e);
      }
    }
    return out;
  }

  private String relative(String url) {
    if (url.startsWith(baseUrl)) {
      return url.substring(baseUrl.length());
    }
    if (url.startsWith("/")) {
      return url;
    }
    URI uri = URI.create(url);
    return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }

  /** Form-encodes the fields as a provider posts them. */
  public static String form(Map<String, String> params) {
    return params.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static int intAttr(Element e, String name, int fallback) {
    try {
      return Integer.parseInt(e.getAttribute(name));
    } catch (NumberFormatException notSet) {
      return fallback;
    }
  }

  private static void putIfPresent(Map<String, String> params, String key, String value) {
    if (value != null && !value.isBlank()) {
      params.put(key, value);
    }
  }

  private static String recordingUrl(String recordingSid) {
    return "https://api.twilio.com/2010-04-01/Accounts/AC"
        + "0".repeat(32)
        + "/Recordings/"
        + recordingSid;
  }

  private static String newSid(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "");
  }
}
