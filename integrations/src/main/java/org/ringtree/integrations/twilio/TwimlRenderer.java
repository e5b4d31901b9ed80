package org.ringtree.integrations.twilio;

import com.twilio.http.HttpMethod;
import com.twilio.twiml.TwiML;
import com.twilio.twiml.TwiMLException;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Number;
import com.twilio.twiml.voice.Pause;
import com.twilio.twiml.voice.Play;
import com.twilio.twiml.voice.Record;
import com.twilio.twiml.voice.Reject;
import com.twilio.twiml.voice.Say;
import com.twilio.twiml.voice.Sip;
import java.io.StringWriter;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.ringtree.rules.call.CallInstruction;
import org.ringtree.rules.directory.Destination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * Renders the engine's {@link CallInstruction}s as a TwiML document. Built only with the SDK's
 * builders, so operator text always reaches the XML as escaped character data, never as markup.
 * Stateless and thread-safe.
 */
public final class TwimlRenderer {

  private static final Logger log = LoggerFactory.getLogger(TwimlRenderer.class);
  private static final MethodHandle BUILD_XML_ELEMENT = findBuildXmlElement();
  private static final ThreadLocal<DocumentBuilder> DOCUMENTS =
      ThreadLocal.withInitial(TwimlRenderer::newDocumentBuilder);
  private static final ThreadLocal<Transformer> TRANSFORMERS =
      ThreadLocal.withInitial(TwimlRenderer::newTransformer);
  private static final Map<Class<?>, Map<String, Enum<?>>> WIRE_VALUES = new ConcurrentHashMap<>();

  /** Renders one webhook answer: the instructions in order, pointing back at {@code urls}. */
  public String render(List<CallInstruction> instructions, TwimlUrls urls) {
    VoiceResponse.Builder response = new VoiceResponse.Builder();
    for (CallInstruction instruction : instructions) {
      if (instruction instanceof CallInstruction.Say s) {
        response.say(say(s));
      } else if (instruction instanceof CallInstruction.Play p) {
        response.play(play(p));
      } else if (instruction instanceof CallInstruction.Pause p) {
        response.pause(pause(p));
      } else if (instruction instanceof CallInstruction.Gather g) {
        response.gather(gather(g, urls));
      } else if (instruction instanceof CallInstruction.Record r) {
        response.record(record(r, urls));
      } else if (instruction instanceof CallInstruction.Dial d) {
        response.dial(dial(d, urls));
      } else if (instruction instanceof CallInstruction.Hangup) {
        response.hangup(new Hangup.Builder().build());
      } else if (instruction instanceof CallInstruction.CampaignFallback) {
        // the runtime puts the campaign's configured fallback here; unresolved, a polite end
        response.say(
            say(
                new CallInstruction.Say(
                    "We are sorry, we could not complete your call right now. Please call again"
                        + " shortly.",
                    null,
                    null)));
        response.hangup(new Hangup.Builder().build());
      } else {
        throw new IllegalArgumentException("unknown instruction: " + instruction);
      }
    }
    return serialize(response.build());
  }

  /**
   * {@code <Reject>} as the only verb: the provider does not pick the call up, so nothing is billed
   * for it (https://www.twilio.com/docs/voice/twiml/reject).
   */
  public String reject() {
    return serialize(
        new VoiceResponse.Builder()
            .reject(new Reject.Builder().reason(Reject.Reason.REJECTED).build())
            .build());
  }

  /**
   * Serialises exactly as the SDK's {@code toXml()} does — the SDK builds the DOM elements, an
   * identity transform without indentation writes them — but with a parser and transformer kept per
   * thread. {@code toXml()} asks JAXP for new factories on every call, and JAXP finds them by
   * scanning {@code META-INF/services} in every jar on the class path: in the packaged platform
   * (about 300 nested jars) that scan, and Saxon's factory it then found, were most of a webhook's
   * CPU time. The JDK's own XML implementation is used, named explicitly, as in the tests.
   */
  static String serialize(VoiceResponse response) {
    if (BUILD_XML_ELEMENT == null) {
      return response.toXml();
    }
    try {
      Document document = DOCUMENTS.get().newDocument();
      document.setXmlStandalone(true);
      document.appendChild((Node) BUILD_XML_ELEMENT.invoke(response, document));
      Transformer transformer = TRANSFORMERS.get();
      StringWriter out = new StringWriter(512);
      transformer.transform(new DOMSource(document), new StreamResult(out));
      return out.toString().trim();
    } catch (TransformerException e) {
      throw new TwiMLException("Exception serializing TwiML: " + e.getMessage());
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("could not serialise TwiML", e);
    }
  }

  /** The SDK's element builder, protected in {@code TwiML}; null if a new SDK renamed it. */
  private static MethodHandle findBuildXmlElement() {
    try {
      return MethodHandles.privateLookupIn(TwiML.class, MethodHandles.lookup())
          .findVirtual(
              TwiML.class, "buildXmlElement", MethodType.methodType(Node.class, Document.class));
    } catch (ReflectiveOperationException | SecurityException e) {
      log.warn("Twilio SDK without TwiML.buildXmlElement: falling back to the slower toXml()", e);
      return null;
    }
  }

  private static DocumentBuilder newDocumentBuilder() {
    try {
      return DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser is not available", e);
    }
  }

  private static Transformer newTransformer() {
    try {
      TransformerFactory factory = TransformerFactory.newDefaultInstance();
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
      Transformer transformer = factory.newTransformer();
      transformer.setOutputProperty(OutputKeys.INDENT, "no");
      return transformer;
    } catch (TransformerConfigurationException e) {
      throw new IllegalStateException("the JDK's XML transformer is not available", e);
    }
  }

  private static Say say(CallInstruction.Say s) {
    Say.Builder b = new Say.Builder(s.text());
    wireEnum(Say.Voice.class, s.voice(), "voice").ifPresent(b::voice);
    wireEnum(Say.Language.class, s.language(), "language").ifPresent(b::language);
    return b.build();
  }

  private static Play play(CallInstruction.Play p) {
    // URI.create rejects a malformed URL loudly; the SDK would silently render an empty <Play/>.
    return new Play.Builder(URI.create(p.url())).build();
  }

  private static Pause pause(CallInstruction.Pause p) {
    return new Pause.Builder().length(p.seconds()).build();
  }

  private static Gather gather(CallInstruction.Gather g, TwimlUrls urls) {
    Gather.Builder b =
        new Gather.Builder()
            .action(urls.gatherAction())
            .method(HttpMethod.POST)
            .timeout(g.timeoutSeconds())
            // The runtime counts retries and takes the invalid/no-input port itself.
            .actionOnEmptyResult(true);
    if (!g.inputs().isEmpty()) {
      b.inputs(
          g.inputs().stream()
              .sorted()
              .map(
                  m ->
                      m == CallInstruction.InputMode.DTMF ? Gather.Input.DTMF : Gather.Input.SPEECH)
              .toList());
    }
    if (g.numDigits() != null) {
      b.numDigits(g.numDigits());
    }
    if (g.finishOnKey() != null) {
      b.finishOnKey(g.finishOnKey());
    }
    for (CallInstruction prompt : g.prompts()) {
      if (prompt instanceof CallInstruction.Say s) {
        b.say(say(s));
      } else if (prompt instanceof CallInstruction.Play p) {
        b.play(play(p));
      } else if (prompt instanceof CallInstruction.Pause p) {
        b.pause(pause(p));
      } else {
        throw new IllegalArgumentException("not a Gather prompt: " + prompt);
      }
    }
    return b.build();
  }

  private static Record record(CallInstruction.Record r, TwimlUrls urls) {
    return new Record.Builder()
        .action(urls.recordAction())
        .method(HttpMethod.POST)
        .recordingStatusCallback(urls.recordingStatusCallback())
        .recordingStatusCallbackMethod(HttpMethod.POST)
        .maxLength(r.maxLengthSeconds())
        .playBeep(r.playBeep())
        .build();
  }

  private static Dial dial(CallInstruction.Dial d, TwimlUrls urls) {
    Dial.Builder b =
        new Dial.Builder()
            .action(urls.dialAction())
            .method(HttpMethod.POST)
            .timeout(d.timeoutSeconds())
            .answerOnBridge(true);
    if (d.callerId() != null) {
      b.callerId(d.callerId());
    }
    if (d.record()) {
      b.record(Dial.Record.RECORD_FROM_ANSWER_DUAL)
          .recordingStatusCallback(urls.recordingStatusCallback())
          .recordingStatusCallbackMethod(HttpMethod.POST);
    }
    // the leg's answer as it happens (https://www.twilio.com/docs/voice/twiml/number#attributes);
    // the dial action reports it only when the leg ends
    String answered = urls.legAnswered();
    if (d.destination() instanceof Destination.PhoneNumber n) {
      Number.Builder number = new Number.Builder(n.e164());
      if (answered != null) {
        number
            .statusCallbackEvents(List.of(Number.Event.ANSWERED))
            .statusCallback(answered)
            .statusCallbackMethod(HttpMethod.POST);
      }
      b.number(number.build());
    } else if (d.destination() instanceof Destination.SipUri s) {
      Sip.Builder sip = new Sip.Builder(s.uri());
      if (answered != null) {
        sip.statusCallbackEvents(List.of(Sip.Event.ANSWERED))
            .statusCallback(answered)
            .statusCallbackMethod(HttpMethod.POST);
      }
      if (s.username() != null) {
        sip.username(s.username());
      }
      if (s.password() != null) {
        sip.password(s.password());
      }
      b.sip(sip.build());
    } else {
      throw new IllegalArgumentException("not dialable: " + d.destination());
    }
    return b.build();
  }

  /** Maps a wire value such as "Polly.Joanna" or "en-US" to the SDK enum; unknown → default. */
  private static <E extends Enum<E>> Optional<E> wireEnum(
      Class<E> type, String value, String what) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    Map<String, Enum<?>> byWireValue =
        WIRE_VALUES.computeIfAbsent(
            type,
            t -> {
              Map<String, Enum<?>> m = new HashMap<>();
              for (E e : type.getEnumConstants()) {
                m.putIfAbsent(e.toString().toLowerCase(Locale.ROOT), e);
              }
              return Map.copyOf(m);
            });
    Optional<E> match =
        Optional.ofNullable(byWireValue.get(value.trim().toLowerCase(Locale.ROOT))).map(type::cast);
    if (match.isEmpty()) {
      log.warn("unknown Twilio {} '{}': using the provider default", what, value);
    }
    return match;
  }
}
