package org.ringtree.integrations.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.call.CallInstruction;
import org.ringtree.rules.call.CallInstruction.InputMode;
import org.ringtree.rules.directory.Destination;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class TwimlRendererTest {

  private static final TwimlUrls URLS =
      new TwimlUrls(
          "https://rt.example.com/twilio/gather?step=3",
          "https://rt.example.com/twilio/dial",
          "https://rt.example.com/twilio/record",
          "https://rt.example.com/twilio/recording-status");

  private final TwimlRenderer renderer = new TwimlRenderer();

  private String render(CallInstruction... instructions) {
    return renderer.render(List.of(instructions), URLS);
  }

  private static Element root(String xml) throws Exception {
    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    assertThat(doc.getDocumentElement().getTagName()).isEqualTo("Response");
    return doc.getDocumentElement();
  }

  private static Element only(Element parent, String tag) {
    assertThat(parent.getElementsByTagName(tag).getLength()).as(tag).isEqualTo(1);
    return (Element) parent.getElementsByTagName(tag).item(0);
  }

  @Test
  void rejectIsTheOnlyVerbSoTheCallIsNotPickedUp() throws Exception {
    Element response = root(renderer.reject());

    assertThat(response.getChildNodes().getLength()).isEqualTo(1);
    assertThat(only(response, "Reject").getAttribute("reason")).isEqualTo("rejected");
  }

  @Test
  void rendersSayWithVoiceAndLanguage() throws Exception {
    String xml = render(new CallInstruction.Say("Welcome to Acme", "Polly.Joanna", "en-US"));

    Element say = only(root(xml), "Say");
    assertThat(say.getTextContent()).isEqualTo("Welcome to Acme");
    assertThat(say.getAttribute("voice")).isEqualTo("Polly.Joanna");
    assertThat(say.getAttribute("language")).isEqualTo("en-US");
  }

  @Test
  void sayWithUnknownVoiceFallsBackToProviderDefault() throws Exception {
    Element say = only(root(render(new CallInstruction.Say("Hi", "robot-9000", null))), "Say");

    assertThat(say.hasAttribute("voice")).isFalse();
    assertThat(say.hasAttribute("language")).isFalse();
  }

  @Test
  void escapesOperatorTextAsCharacterData() throws Exception {
    String hostile =
        "Tom & Jerry's <Hangup/> \"deal\"\n</Say><Dial><Number>+19005550000</Number></Dial><Say>";

    String xml = render(new CallInstruction.Say(hostile, null, null));

    Element root = root(xml);
    assertThat(root.getElementsByTagName("Dial").getLength()).isZero();
    assertThat(root.getElementsByTagName("Hangup").getLength()).isZero();
    assertThat(only(root, "Say").getTextContent()).isEqualTo(hostile);
    assertThat(xml).contains("&amp;").contains("&lt;").doesNotContain("<Hangup/>");
  }

  @Test
  void escapesQuotesInAttributes() throws Exception {
    String url = "https://cdn.example.com/a.mp3?x=1&y=%22%3E";

    Element play = only(root(render(new CallInstruction.Play(url))), "Play");

    assertThat(play.getTextContent()).isEqualTo(url);
    assertThatThrownBy(() -> render(new CallInstruction.Play("https://x/\"><Hangup/>")))
        .isInstanceOf(IllegalArgumentException.class);
    String xml =
        render(
            new CallInstruction.Dial(
                "t1", new Destination.PhoneNumber("+15125550100"), 20, "\"><Hangup/>", false));
    assertThat(only(root(xml), "Dial").getAttribute("callerId")).isEqualTo("\"><Hangup/>");
    assertThat(root(xml).getElementsByTagName("Hangup").getLength()).isZero();
  }

  @Test
  void rendersPlayAndPause() throws Exception {
    Element root =
        root(
            render(
                new CallInstruction.Play("https://cdn.example.com/hold.mp3"),
                new CallInstruction.Pause(2)));

    assertThat(only(root, "Play").getTextContent()).isEqualTo("https://cdn.example.com/hold.mp3");
    assertThat(only(root, "Pause").getAttribute("length")).isEqualTo("2");
  }

  @Test
  void rendersGatherWithNestedPromptsAndAllOptions() throws Exception {
    String xml =
        render(
            new CallInstruction.Gather(
                List.of(
                    new CallInstruction.Say("Press 1 for sales", null, null),
                    new CallInstruction.Pause(1),
                    new CallInstruction.Play("https://cdn.example.com/menu.mp3")),
                Set.of(InputMode.DTMF, InputMode.SPEECH),
                1,
                7,
                "#"));

    Element gather = only(root(xml), "Gather");
    assertThat(gather.getAttribute("action")).isEqualTo(URLS.gatherAction());
    assertThat(gather.getAttribute("method")).isEqualTo("POST");
    assertThat(gather.getAttribute("input")).isEqualTo("dtmf speech");
    assertThat(gather.getAttribute("numDigits")).isEqualTo("1");
    assertThat(gather.getAttribute("timeout")).isEqualTo("7");
    assertThat(gather.getAttribute("finishOnKey")).isEqualTo("#");
    assertThat(gather.getAttribute("actionOnEmptyResult")).isEqualTo("true");
    assertThat(only(gather, "Say").getTextContent()).isEqualTo("Press 1 for sales");
    assertThat(only(gather, "Pause").getAttribute("length")).isEqualTo("1");
    assertThat(only(gather, "Play").getTextContent()).isEqualTo("https://cdn.example.com/menu.mp3");
    assertThat(xml.indexOf("<Say"))
        .isLessThan(xml.indexOf("<Pause"))
        .isLessThan(xml.indexOf("<Play"));
  }

  @Test
  void gatherWithoutDigitCountOmitsNumDigits() throws Exception {
    Element gather =
        only(
            root(
                render(
                    new CallInstruction.Gather(List.of(), Set.of(InputMode.DTMF), null, 5, null))),
            "Gather");

    assertThat(gather.hasAttribute("numDigits")).isFalse();
    assertThat(gather.hasAttribute("finishOnKey")).isFalse();
    assertThat(gather.getAttribute("input")).isEqualTo("dtmf");
  }

  @Test
  void rendersRecordWithCallbacks() throws Exception {
    Element record = only(root(render(new CallInstruction.Record(120, true))), "Record");

    assertThat(record.getAttribute("action")).isEqualTo(URLS.recordAction());
    assertThat(record.getAttribute("recordingStatusCallback"))
        .isEqualTo(URLS.recordingStatusCallback());
    assertThat(record.getAttribute("maxLength")).isEqualTo("120");
    assertThat(record.getAttribute("playBeep")).isEqualTo("true");
  }

  @Test
  void rendersDialToNumberAnsweringOnBridge() throws Exception {
    String xml =
        render(
            new CallInstruction.Dial(
                "target-7",
                new Destination.PhoneNumber("+15125550100"),
                25,
                "+18005550199",
                false));

    Element dial = only(root(xml), "Dial");
    assertThat(dial.getAttribute("action")).isEqualTo(URLS.dialAction());
    assertThat(dial.getAttribute("method")).isEqualTo("POST");
    assertThat(dial.getAttribute("timeout")).isEqualTo("25");
    assertThat(dial.getAttribute("answerOnBridge")).isEqualTo("true");
    assertThat(dial.getAttribute("callerId")).isEqualTo("+18005550199");
    assertThat(dial.hasAttribute("record")).isFalse();
    assertThat(only(dial, "Number").getTextContent()).isEqualTo("+15125550100");
  }

  @Test
  void rendersRecordedDialToSipWithCredentials() throws Exception {
    String xml =
        render(
            new CallInstruction.Dial(
                "target-8",
                new Destination.SipUri("sip:buyer@sip.example.com;transport=tls", "acme", "s3cr&t"),
                30,
                null,
                true));

    Element dial = only(root(xml), "Dial");
    assertThat(dial.getAttribute("record")).isEqualTo("record-from-answer-dual");
    assertThat(dial.getAttribute("recordingStatusCallback"))
        .isEqualTo(URLS.recordingStatusCallback());
    assertThat(dial.hasAttribute("callerId")).isFalse();
    Element sip = only(dial, "Sip");
    assertThat(sip.getTextContent()).isEqualTo("sip:buyer@sip.example.com;transport=tls");
    assertThat(sip.getAttribute("username")).isEqualTo("acme");
    assertThat(sip.getAttribute("password")).isEqualTo("s3cr&t");
  }

  @Test
  void asksForTheAnswerOfEveryDialledNumberAndSipLegWhenGivenALegCallback() throws Exception {
    TwimlUrls withLeg =
        new TwimlUrls(
            URLS.gatherAction(),
            URLS.dialAction(),
            URLS.recordAction(),
            URLS.recordingStatusCallback(),
            "https://rt.example.com/twilio/voice/leg?call=c-1&step=4");
    for (Destination to :
        List.of(
            new Destination.PhoneNumber("+15125550100"),
            new Destination.SipUri("sip:buyer@sip.example.com", null, null))) {
      String xml =
          renderer.render(List.of(new CallInstruction.Dial("t", to, 20, null, false)), withLeg);
      Element leg =
          only(only(root(xml), "Dial"), to instanceof Destination.SipUri ? "Sip" : "Number");
      // https://www.twilio.com/docs/voice/twiml/number#attributes (the same on <Sip>)
      assertThat(leg.getAttribute("statusCallbackEvent")).isEqualTo("answered");
      assertThat(leg.getAttribute("statusCallback")).isEqualTo(withLeg.legAnswered());
      assertThat(leg.getAttribute("statusCallbackMethod")).isEqualTo("POST");
    }
    // without one (a campaign fallback's dial), no leg events are asked for
    String plain =
        render(
            new CallInstruction.Dial(
                "t", new Destination.PhoneNumber("+15125550100"), 20, null, false));
    assertThat(only(only(root(plain), "Dial"), "Number").hasAttribute("statusCallback")).isFalse();
  }

  @Test
  void rendersHangupAndKeepsOrder() throws Exception {
    String xml =
        render(new CallInstruction.Say("Goodbye", null, null), new CallInstruction.Hangup());

    Element root = root(xml);
    assertThat(root.getChildNodes().getLength()).isEqualTo(2);
    assertThat(root.getChildNodes().item(0).getNodeName()).isEqualTo("Say");
    assertThat(root.getChildNodes().item(1).getNodeName()).isEqualTo("Hangup");
  }

  @Test
  void emptyInstructionListIsAnEmptyResponse() throws Exception {
    assertThat(root(render()).getChildNodes().getLength()).isZero();
  }

  @Test
  void serialisesExactlyAsTheSdkDoes() {
    com.twilio.twiml.VoiceResponse response =
        new com.twilio.twiml.VoiceResponse.Builder()
            .say(
                new com.twilio.twiml.voice.Say.Builder(
                        "Caf\u00e9 <Acme> & \"Sons\" \u2014 100% 'legal'")
                    .voice(com.twilio.twiml.voice.Say.Voice.POLLY_JOANNA)
                    .build())
            .gather(
                new com.twilio.twiml.voice.Gather.Builder()
                    .action("https://rt.example.com/twilio/gather?step=3&x=<y>")
                    .numDigits(5)
                    .say(new com.twilio.twiml.voice.Say.Builder("Zip, please").build())
                    .build())
            .dial(
                new com.twilio.twiml.voice.Dial.Builder()
                    .answerOnBridge(true)
                    .timeout(20)
                    .sip(
                        new com.twilio.twiml.voice.Sip.Builder(
                                "sip:buyer@example.com;transport=tls")
                            .build())
                    .build())
            .hangup(new com.twilio.twiml.voice.Hangup.Builder().build())
            .build();

    assertThat(TwimlRenderer.serialize(response)).isEqualTo(response.toXml());
    // twice on one thread: the cached transformer and parser are reusable
    assertThat(TwimlRenderer.serialize(response)).isEqualTo(response.toXml());
  }
}
