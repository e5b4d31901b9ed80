package org.ringtree.rules.score;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.ringtree.rules.call.AreaCodeStates;
import org.ringtree.rules.call.CallFacts;
import org.ringtree.rules.call.Caller;
import org.ringtree.rules.call.PriorCall;
import org.ringtree.rules.call.UsZips;
import org.ringtree.rules.fraud.CallerIdKind;
import org.ringtree.rules.fraud.StirVerstat;

/**
 * What is known about a call when it is routed, and nothing learned later: where it came from
 * (publisher, source tags, campaign), when (hour of the week in the caller's own zone), who calls
 * (their calls and conversions over 24 hours and 30 days across every campaign, their caller id and
 * its SHAKEN/STIR verdict, where their area code and their zip place them) and what they did in the
 * IVR (answers, seconds spent). {@code prefixNeighbours} counts other numbers sharing the caller's
 * first eight digits (+1 NPA NXX X) that came through the same publisher in the last hour, the
 * trace of a dialer rotating its last digits; 0 when the runtime does not count it.
 */
public record ScoreFeatures(
    String publisherId,
    String campaignId,
    Map<String, String> sourceTags,
    int hourOfWeek,
    int calls24h,
    int calls30d,
    int conversions24h,
    int conversions30d,
    String areaCode,
    String areaCodeState,
    String zip,
    String zipState,
    StirVerstat stir,
    CallerIdKind callerId,
    Map<String, String> ivrAnswers,
    int ivrSeconds,
    int prefixNeighbours) {

  /** How the caller's area code and zip agree on a state. */
  public enum Geo {
    MATCH,
    MISMATCH,
    /** No zip known (none given in the IVR and none from the carrier). */
    NO_ZIP,
    /** The number places the caller in no US state (not +1, or withheld). */
    NO_AREA_STATE
  }

  public ScoreFeatures {
    publisherId = publisherId == null ? "" : publisherId;
    campaignId = campaignId == null ? "" : campaignId;
    sourceTags = sourceTags == null ? Map.of() : Map.copyOf(sourceTags);
    ivrAnswers = ivrAnswers == null ? Map.of() : Map.copyOf(ivrAnswers);
    stir = stir == null ? StirVerstat.ABSENT : stir;
    callerId = Objects.requireNonNull(callerId, "callerId");
    if (hourOfWeek < 0 || hourOfWeek >= 168) {
      throw new IllegalArgumentException(
          "hour of week is 0..167 (Monday 00:00 = 0), not " + hourOfWeek);
    }
    if (calls24h < 0
        || calls30d < calls24h
        || conversions24h < 0
        || conversions30d < conversions24h
        || ivrSeconds < 0
        || prefixNeighbours < 0) {
      throw new IllegalArgumentException(
          "counts are not negative and 30 days hold at least the last 24 hours");
    }
  }

  public Geo geo() {
    if (areaCodeState == null) {
      return Geo.NO_AREA_STATE;
    }
    if (zipState == null) {
      return Geo.NO_ZIP;
    }
    return areaCodeState.equals(zipState) ? Geo.MATCH : Geo.MISMATCH;
  }

  public DayOfWeek dayOfWeek() {
    return DayOfWeek.of(hourOfWeek / 24 + 1);
  }

  public int hourOfDay() {
    return hourOfWeek % 24;
  }

  /**
   * The features of a call from what the engine holds when it routes: its facts (the caller's
   * history spans every campaign of the network), the carrier's SHAKEN/STIR verdict and the seconds
   * since it was answered. The hour is read in the zone of the caller's zip, else in {@code
   * networkZone}.
   */
  public static ScoreFeatures of(
      CallFacts call, StirVerstat stir, int ivrSeconds, int prefixNeighbours, ZoneId networkZone) {
    Caller caller = call.caller();
    Instant now = call.arrivedAt();
    Instant day = now.minus(1, ChronoUnit.DAYS);
    Instant month = now.minus(30, ChronoUnit.DAYS);
    int c24 = 0;
    int c30 = 0;
    int v24 = 0;
    int v30 = 0;
    for (PriorCall p : call.history()) {
      if (p.at().isAfter(now) || p.at().isBefore(month)) {
        continue;
      }
      boolean recent = !p.at().isBefore(day);
      c30++;
      c24 += recent ? 1 : 0;
      v30 += p.converted() ? 1 : 0;
      v24 += p.converted() && recent ? 1 : 0;
    }
    CallerIdKind kind = CallerIdKind.of(caller.number());
    String areaState =
        kind == CallerIdKind.VALID ? AreaCodeStates.state(caller.number()).orElse(null) : null;
    String zipState = UsZips.shared().find(caller.zip()).map(UsZips.Place::state).orElse(null);
    ZoneId zone = caller.timezone() != null ? ZoneId.of(caller.timezone()) : networkZone;
    return new ScoreFeatures(
        call.publisherId(),
        call.campaignId(),
        call.tags(),
        hourOfWeek(now, zone),
        c24,
        c30,
        v24,
        v30,
        kind == CallerIdKind.VALID ? caller.areaCode() : null,
        areaState,
        caller.zip(),
        zipState,
        stir,
        kind,
        new TreeMap<>(call.answers()),
        ivrSeconds,
        prefixNeighbours);
  }

  /** Monday 00:00 is 0, Sunday 23:00 is 167. */
  public static int hourOfWeek(Instant at, ZoneId zone) {
    ZonedDateTime local = at.atZone(zone);
    return (local.getDayOfWeek().getValue() - 1) * 24 + local.getHour();
  }
}
