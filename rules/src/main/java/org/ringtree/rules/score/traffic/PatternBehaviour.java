package org.ringtree.rules.score.traffic;

import java.util.Map;
import java.util.SplittableRandom;
import org.ringtree.rules.fraud.StirVerstat;
import org.ringtree.rules.score.ScoreFeatures;
import org.ringtree.rules.score.traffic.SyntheticNetwork.Campaign;

/**
 * How each {@link FraudPattern}'s calls behave: the hour they arrive, the publisher that sends
 * them, their attestation, the time they spend in the IVR, how long they last and how often they
 * convert. Each draw takes the generator's random source, so the traffic stays deterministic by
 * seed.
 */
final class PatternBehaviour {

  private PatternBehaviour() {}

  /** Seconds in the IVR before the transfer. */
  static int ivrSeconds(SplittableRandom r, FraudPattern p) {
    return switch (p) {
      case GOOD, GEO_MISMATCH -> 12 + r.nextInt(40);
      case CALL_FARM -> 3 + r.nextInt(6);
      case REPEAT_CALLER, UNATTESTED -> 4 + r.nextInt(25);
      case SPOOFED_CALLER_ID -> 2 + r.nextInt(20);
      case ROTATING_DIALER -> r.nextInt(8);
      case SHORT_CALL_CLUSTER -> r.nextInt(4);
    };
  }

  static double conversionChance(
      FraudPattern p,
      Campaign campaign,
      String publisher,
      Map<String, String> answers,
      ScoreFeatures f,
      StirVerstat stir) {
    double base =
        switch (p) {
          case GOOD -> 1.0;
          case GEO_MISMATCH -> 0.15;
          case UNATTESTED -> 0.12;
          case REPEAT_CALLER -> 0.05;
          case CALL_FARM -> 0.01;
          case SPOOFED_CALLER_ID, ROTATING_DIALER, SHORT_CALL_CLUSTER -> 0.0;
        };
    if (base == 0) {
      return 0;
    }
    double c =
        switch (campaign.id()) {
          case "auto-insurance" -> 0.28;
          case "debt-relief" -> 0.22;
          default -> 0.32;
        };
    String a = answers.getOrDefault(campaign.question(), "");
    c *=
        switch (campaign.question() + "=" + a) {
          case "insured=yes" -> 1.4;
          case "insured=no" -> 0.6;
          case "debt=3" -> 1.6;
          case "debt=1" -> 0.5;
          case "owner=yes" -> 1.5;
          case "owner=no" -> 0.25;
          default -> 1.0;
        };
    c *=
        switch (publisher) {
          case "pub-search" -> 1.35;
          case "pub-tv" -> 1.15;
          case "pub-social" -> 0.8;
          case "pub-affiliate-a" -> 0.75;
          case "pub-affiliate-b", "pub-farm" -> 0.6;
          default -> 1.0;
        };
    int hour = f.hourOfDay();
    c *= hour < 7 || hour >= 22 ? 0.5 : hour >= 9 && hour < 18 ? 1.15 : 1.0;
    c *= stir == StirVerstat.PASSED_A ? 1.1 : 0.85;
    c *= f.conversions24h() > 0 ? 0.2 : 1.0; // a duplicate for the buyer
    return Math.min(0.95, c * base);
  }

  static int duration(SplittableRandom r, FraudPattern p, Campaign c, boolean converted) {
    int t = c.billableSeconds();
    if (converted) {
      return t + 60 + r.nextInt(720);
    }
    return switch (p) {
      case CALL_FARM -> t + 1 + r.nextInt(15);
      case SHORT_CALL_CLUSTER -> 2 + r.nextInt(9);
      case ROTATING_DIALER -> r.nextInt(3) == 0 ? t + r.nextInt(20) : 3 + r.nextInt(40);
      case SPOOFED_CALLER_ID -> 5 + r.nextInt(t);
      default -> r.nextInt(100) < 55 ? 10 + r.nextInt(Math.max(1, t - 10)) : t + r.nextInt(400);
    };
  }

  static StirVerstat stir(SplittableRandom r, FraudPattern p) {
    int roll = r.nextInt(100);
    return switch (p) {
      case GOOD, GEO_MISMATCH ->
          roll < 75
              ? StirVerstat.PASSED_A
              : roll < 87
                  ? StirVerstat.PASSED_B
                  : roll < 90
                      ? StirVerstat.PASSED_C
                      : roll < 95 ? StirVerstat.NO_VALIDATION : StirVerstat.ABSENT;
      case CALL_FARM ->
          roll < 30
              ? StirVerstat.PASSED_A
              : roll < 65 ? StirVerstat.PASSED_B : StirVerstat.PASSED_C;
      case REPEAT_CALLER ->
          roll < 60
              ? StirVerstat.PASSED_A
              : roll < 80 ? StirVerstat.PASSED_B : StirVerstat.PASSED_C;
      case ROTATING_DIALER, UNATTESTED ->
          roll < 50
              ? StirVerstat.PASSED_C
              : roll < 85 ? StirVerstat.NO_VALIDATION : StirVerstat.ABSENT;
      case SPOOFED_CALLER_ID ->
          roll < 40
              ? (roll < 15
                  ? StirVerstat.FAILED_A
                  : roll < 30 ? StirVerstat.FAILED_B : StirVerstat.FAILED_C)
              : roll < 80 ? StirVerstat.NO_VALIDATION : StirVerstat.ABSENT;
      case SHORT_CALL_CLUSTER ->
          roll < 40
              ? StirVerstat.PASSED_B
              : roll < 70 ? StirVerstat.PASSED_C : StirVerstat.NO_VALIDATION;
    };
  }

  static String publisher(SplittableRandom r, FraudPattern p) {
    int roll = r.nextInt(100);
    return switch (p) {
      case GOOD ->
          roll < 30
              ? "pub-search"
              : roll < 50
                  ? "pub-social"
                  : roll < 65 ? "pub-tv" : roll < 85 ? "pub-affiliate-a" : "pub-affiliate-b";
      case CALL_FARM -> roll < 80 ? "pub-farm" : "pub-affiliate-b";
      case SPOOFED_CALLER_ID ->
          roll < 50 ? "pub-affiliate-b" : roll < 80 ? "pub-affiliate-a" : "pub-social";
      case GEO_MISMATCH ->
          roll < 60 ? "pub-affiliate-a" : roll < 80 ? "pub-affiliate-b" : "pub-social";
      default ->
          roll < 40
              ? "pub-affiliate-b"
              : roll < 70 ? "pub-affiliate-a" : roll < 85 ? "pub-social" : "pub-search";
    };
  }

  /** The local hour (network zone) a pattern's calls tend to arrive at. */
  static int hourProfile(FraudPattern p, SplittableRandom r) {
    return switch (p) {
      case GOOD, GEO_MISMATCH, REPEAT_CALLER ->
          r.nextInt(100) < 88 ? 8 + r.nextInt(13) : r.nextInt(24);
      case CALL_FARM, UNATTESTED -> 8 + r.nextInt(10);
      case SHORT_CALL_CLUSTER -> r.nextInt(100) < 60 ? r.nextInt(6) : r.nextInt(24);
      case ROTATING_DIALER, SPOOFED_CALLER_ID -> r.nextInt(24);
    };
  }
}
