package org.ringtree.editor.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ringtree.editor.directory.DirectoryAdminPort.Stored;
import org.ringtree.rules.directory.Caps;
import org.ringtree.rules.directory.Comparison;
import org.ringtree.rules.directory.Destination;
import org.ringtree.rules.directory.DuplicateRule;
import org.ringtree.rules.directory.GeoFilter;
import org.ringtree.rules.directory.Schedule;
import org.ringtree.rules.directory.TagFilter;
import org.ringtree.rules.directory.Target;
import org.ringtree.rules.money.Money;

class TargetFormTest {

  private final TargetForm form = new TargetForm(new FakeDirectory()::page);

  private static Target everything() {
    return new Target(
        "acme-rtb",
        "Acme bids",
        "acme",
        new Destination.RtbEndpoint(
            "https://bids.example.com/ping",
            800,
            Destination.BidResponseFormat.MAPPING,
            Map.of("amount", "$.bid", "destination", "$.phone")),
        Money.usd("35.50"),
        2,
        3,
        new Schedule(
            "America/Chicago",
            List.of(
                new Schedule.OpenHours(
                    EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                    LocalTime.of(9, 0),
                    LocalTime.of(17, 0)),
                new Schedule.OpenHours(
                    EnumSet.of(DayOfWeek.SATURDAY), LocalTime.of(22, 0), LocalTime.of(2, 0))),
            Set.of(LocalDate.of(2026, 12, 25))),
        new GeoFilter(Set.of("CA", "TX"), Set.of("90210", "73301"), Set.of("512")),
        List.of(
            TagFilter.equalTo("channel", "radio"),
            new TagFilter("state", Comparison.IN, null, List.of("CA", "TX")),
            new TagFilter("age", Comparison.GTE, "18", List.of()),
            new TagFilter("sub_id", Comparison.EXISTS, null, List.of())),
        new Caps(Caps.CountOn.CONVERSIONS, 5, 10, 40, 800, 5000),
        DuplicateRule.perBuyer(DuplicateRule.Basis.CONNECTED, 30),
        false,
        80);
  }

  @Test
  void everyFieldOfAStoredTargetReadsBackUnchanged() {
    Target stored = everything();
    form.edit(new Stored(stored, 4, null, true));

    Stored draft = form.read().orElseThrow();

    assertThat(draft.entry()).isEqualTo(stored);
    assertThat(draft.version()).isEqualTo(4);
    assertThat(form.id.isReadOnly()).isTrue();
  }

  @Test
  void aNewPhoneTargetIsBuiltFromTypedFields() {
    form.edit(null);
    form.id.setValue("acme-main");
    form.name.setValue("Acme main line");
    form.buyer.setValue("acme");
    form.phone.setValue("+15125550100");
    form.fixedPrice.setValue("42");
    form.hours.aroundTheClock.setValue(false);
    for (DayOfWeek day : DayOfWeek.values()) {
      form.hours.set(day, WeekPlan.Mode.CLOSED);
    }
    form.hours.set(
        DayOfWeek.MONDAY,
        WeekPlan.Mode.WINDOWS,
        new WeekPlan.Window(LocalTime.of(8, 0), LocalTime.of(12, 0)),
        new WeekPlan.Window(LocalTime.of(13, 0), LocalTime.of(18, 0)));
    form.hours.set(DayOfWeek.SUNDAY, WeekPlan.Mode.ALL_DAY);
    form.holidays.picker.setValue(LocalDate.of(2026, 12, 25));
    form.timezone.setValue("America/New_York");
    form.zips.setValue("90210\n90211, 90212");

    Target t = (Target) form.read().orElseThrow().entry();

    assertThat(t.destination()).isEqualTo(new Destination.PhoneNumber("+15125550100"));
    assertThat(t.fixedPrice()).isEqualTo(Money.usd("42.00"));
    assertThat(t.geo().zips()).containsExactly("90210", "90211", "90212");
    assertThat(t.schedule().describeHours())
        .isEqualTo("MON 08:00–12:00; MON 13:00–18:00; SUN 00:00–00:00");
    assertThat(t.schedule().timezone()).isEqualTo("America/New_York");
    assertThat(t.schedule().holidays()).containsExactly(LocalDate.of(2026, 12, 25));
    assertThat(t.active()).isTrue();
  }

  @Test
  void badValuesAreRefusedOnTheirFieldsWithTheRulesWords() {
    form.edit(null);
    form.id.setValue("x");
    form.buyer.setValue("acme");
    form.phone.setValue("5125550100");
    form.caps.daily().setValue("-3");
    form.hours.aroundTheClock.setValue(false);
    form.hours.set(
        DayOfWeek.TUESDAY, WeekPlan.Mode.WINDOWS, new WeekPlan.Window(LocalTime.of(9, 0), null));
    form.states.setValue("California");
    form.tagFilters.setValue("channel resembles radio");
    form.duplicate.scope().setValue(DuplicateRule.Scope.CAMPAIGN);
    form.duplicate.window().setValue("120");

    assertThat(form.read()).isEmpty();

    assertThat(form.problemOf("phone")).contains("not an E.164 number: 5125550100");
    assertThat(form.problemOf("capsDaily")).hasValueSatisfying(m -> m.contains("0 or more"));
    assertThat(form.problemOf("hoursTUESDAY")).hasValueSatisfying(m -> m.contains("09:00-17:00"));
    assertThat(form.problemOf("states")).hasValueSatisfying(m -> m.contains("two-letter"));
    assertThat(form.problemOf("tagFilters"))
        .hasValueSatisfying(m -> m.contains("unknown comparison: resembles"));
    assertThat(form.problemOf("duplicateWindow"))
        .hasValueSatisfying(m -> m.contains("longer than the 90 days"));
    assertThat(form.problemOf("name")).isEmpty();
  }

  @Test
  void anRtbTargetNeedsAUrlRingtreeWouldCallAndAFiftyMillisecondTimeout() {
    form.edit(null);
    form.id.setValue("rtb");
    form.buyer.setValue("acme");
    form.destinationKind.setValue(TargetForm.RTB);
    form.rtbUrl.setValue("http://bids.example.com/ping?bridgeEndpoint=true");
    form.rtbTimeout.setValue("10");

    assertThat(form.read()).isEmpty();

    assertThat(form.problemOf("rtbUrl"))
        .hasValueSatisfying(m -> m.startsWith("target rtb: RTB URL: "));
    assertThat(form.problemOf("rtbTimeout")).contains("RTB timeout must be at least 50 ms: 10");
  }

  @Test
  void aTemplateTargetIsSavedWithItsRequestAndAnswerPaths() {
    form.edit(null);
    form.id.setValue("tpl");
    form.buyer.setValue("acme");
    form.destinationKind.setValue(TargetForm.RTB);
    form.rtbFormat.setValue(Destination.BidResponseFormat.TEMPLATE);
    form.rtbUrl.setValue("https://bids.example.com/ping/{campaignId}?zip={zip}");
    form.rtbTimeout.setValue("800");
    form.rtbMapping.setValue(
        "request.body={\"cid\":\"{callerNumber}\",\"age\":\"{tag:age}\"}\n"
            + "request.header.X-Api-Key=k-123\n"
            + "amount=$.bid\n"
            + "destination=$.phone\n"
            + "conversionSeconds=$.seconds");

    Target t = (Target) form.read().orElseThrow().entry();

    Destination.RtbEndpoint e = (Destination.RtbEndpoint) t.destination();
    assertThat(e.format()).isEqualTo(Destination.BidResponseFormat.TEMPLATE);
    assertThat(e.mapping())
        .containsEntry("request.header.X-Api-Key", "k-123")
        .containsEntry("conversionSeconds", "$.seconds");
  }

  @Test
  void aTemplateWhoseBodyIsNotJsonOnceFilledInOrWithAnUnknownPlaceholderIsRefused() {
    form.edit(null);
    form.id.setValue("tpl");
    form.buyer.setValue("acme");
    form.destinationKind.setValue(TargetForm.RTB);
    form.rtbFormat.setValue(Destination.BidResponseFormat.TEMPLATE);
    form.rtbUrl.setValue("https://bids.example.com/ping");
    form.rtbTimeout.setValue("800");
    form.rtbMapping.setValue("request.body={\"zip\": {zip}}\namount=$.bid\ndestination=$.phone");

    assertThat(form.read()).isEmpty();
    assertThat(form.problemOf("rtbMapping"))
        .hasValueSatisfying(
            m -> assertThat(m).startsWith("target tpl: RTB request: the body template is not"));

    form.rtbMapping.setValue("amount=$.bid\ndestination=$.phone");
    form.rtbUrl.setValue("https://bids.example.com/ping?x={T(java.lang.Runtime)}&y={env}");
    assertThat(form.read()).isEmpty();
    assertThat(form.problemOf("rtbUrl"))
        .hasValueSatisfying(m -> assertThat(m).contains("unknown placeholder {env}"));
  }

  @Test
  void aPingPostTargetIsSavedWithItsPostUrlTimeoutAndMaximumBidAndReadBack() {
    form.edit(null);
    form.id.setValue("pp");
    form.buyer.setValue("acme");
    form.destinationKind.setValue(TargetForm.RTB);
    form.rtbFormat.setValue(Destination.BidResponseFormat.TEMPLATE);
    form.rtbUrl.setValue("https://bids.example.com/ping?zip={zip}");
    form.rtbTimeout.setValue("800");
    form.rtbMode.setValue(Destination.PingMode.PING_POST);
    form.rtbPostUrl.setValue("https://bids.example.com/post");
    form.rtbPostTimeout.setValue("300");
    form.rtbMaxBid.setValue("75.50");
    form.rtbMapping.setValue(
        "amount=$.bid\ndestination=$.phone\n"
            + "post.body={\"ping_id\":\"{bidId}\",\"caller_id\":\"{callerNumber}\"}\n"
            + "post.accepted=$.status\npost.acceptedValue=success\npost.destination=$.number");

    Target t = (Target) form.read().orElseThrow().entry();

    Destination.RtbEndpoint e = (Destination.RtbEndpoint) t.destination();
    assertThat(e.mode()).isEqualTo(Destination.PingMode.PING_POST);
    assertThat(e.postUrl()).isEqualTo("https://bids.example.com/post");
    assertThat(e.postTimeoutMillis()).isEqualTo(300);
    assertThat(e.maxBid()).isEqualTo(Money.usd("75.50"));
    assertThat(e.mapping()).containsEntry("post.acceptedValue", "success");
    form.edit(new Stored(t, 1, null, true));
    assertThat(form.rtbMode.getValue()).isEqualTo(Destination.PingMode.PING_POST);
    assertThat(form.rtbPostUrl.getValue()).isEqualTo("https://bids.example.com/post");
    assertThat(form.rtbMaxBid.getValue()).isEqualTo("75.50");
  }

  @Test
  void aPingPostTargetWithoutAPostUrlOrWithAPlatformFormatIsRefused() {
    form.edit(null);
    form.id.setValue("pp");
    form.buyer.setValue("acme");
    form.destinationKind.setValue(TargetForm.RTB);
    form.rtbUrl.setValue("https://bids.example.com/ping");
    form.rtbTimeout.setValue("800");
    form.rtbMode.setValue(Destination.PingMode.PING_POST);

    assertThat(form.read()).isEmpty();
    assertThat(form.problemOf("rtbPostUrl")).contains("a ping-post target needs a post URL");

    form.rtbPostUrl.setValue("https://bids.example.com/post");
    form.rtbFormat.setValue(Destination.BidResponseFormat.RINGBA);
    assertThat(form.read()).isEmpty();
    assertThat(form.problemOf("rtbTimeout"))
        .hasValueSatisfying(m -> assertThat(m).contains("RINGBA documents no post step"));
  }

  @Test
  void aSipPasswordLeftEmptyKeepsTheStoredSecretReference() {
    Target sip = Target.fixed("pbx", "acme", "+15125550100", null).withName("PBX");
    sip =
        new Target(
            sip.id(),
            sip.name(),
            sip.buyerId(),
            new Destination.SipUri("sip:desk@pbx.example.com", "desk", "secret:17"),
            null,
            1,
            1,
            null,
            null,
            null,
            null,
            null,
            true);
    form.edit(new Stored(sip, 2, null, true));

    Target read = (Target) form.read().orElseThrow().entry();

    assertThat(((Destination.SipUri) read.destination()).password()).isEqualTo("secret:17");
    form.sipPassword.setValue("new-pass");
    assertThat(
            ((Destination.SipUri) ((Target) form.read().orElseThrow().entry()).destination())
                .password())
        .isEqualTo("new-pass");
  }

  @Test
  void aNewTargetTakesCallsAroundTheClockUntilHoursAreSet() {
    form.edit(null);

    assertThat(form.hours.isAroundTheClock()).isTrue();
    form.id.setValue("t");
    form.buyer.setValue("acme");
    form.phone.setValue("+15125550100");
    Target t = (Target) form.read().orElseThrow().entry();
    assertThat(t.schedule().hours()).isEmpty();
  }

  @Test
  void aWeekClosedEveryDayIsRefusedBecauseNoHoursMeansAroundTheClock() {
    form.edit(null);
    form.id.setValue("t");
    form.buyer.setValue("acme");
    form.phone.setValue("+15125550100");
    form.hours.aroundTheClock.setValue(false);
    for (DayOfWeek day : DayOfWeek.values()) {
      form.hours.set(day, WeekPlan.Mode.CLOSED);
    }

    assertThat(form.read()).isEmpty();
    assertThat(form.problemOf(WeekPlan.AROUND_THE_CLOCK))
        .hasValueSatisfying(m -> m.contains("closed every day"));
  }

  @Test
  void aMinimumScoreIsAWholeNumberFrom0To100AndEmptyMeansAny() {
    form.edit(new Stored(everything(), 4, null, true));
    assertThat(form.minScore.getValue()).isEqualTo("80");

    form.minScore.setValue("101");
    assertThat(form.read()).isEmpty();
    assertThat(form.problemOf("minScore"))
        .hasValueSatisfying(m -> m.contains("a minimum score is a whole number, 0 to 100"));

    form.minScore.setValue("");
    assertThat(((Target) form.read().orElseThrow().entry()).minScore()).isNull();
  }

  @Test
  void anUploadedZipFileFillsTheFieldBeforeSaving() {
    form.edit(new Stored(everything(), 4, null, true));

    form.zipFile("zips.csv", "zip,city\n10001,New York\n\"60601\",Chicago\n".getBytes());

    assertThat(form.zips.getValue()).isEqualTo("10001\n60601");
    assertThat(form.zipUploadNote.getText()).startsWith("2 ZIP codes read from zips.csv");
    Target t = (Target) form.read().orElseThrow().entry();
    assertThat(t.geo().zips()).containsExactly("10001", "60601");
  }

  @Test
  void aZipFileWithBadLinesIsRefusedNamingEachLineAndKeepsTheList() {
    form.edit(new Stored(everything(), 4, null, true));
    String before = form.zips.getValue();

    form.zipFile("zips.txt", "90210\n9021\n90211\nBeverly Hills\n".getBytes());

    assertThat(form.zips.getValue()).isEqualTo(before);
    assertThat(form.zips.isInvalid()).isTrue();
    assertThat(form.zips.getErrorMessage())
        .startsWith(
            "zips.txt not used: line 2: a ZIP code is five digits such as 90210; got \"9021\"")
        .contains("line 4: a ZIP code is five digits such as 90210; got \"Beverly\"");
  }
}
