package org.ringtree.rules.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.fraud.CallerIdKind;
import org.ringtree.rules.fraud.StirVerstat;

class ScoreEncoderTest {

  static ScoreFeatures features(int calls24h, int ivrSeconds, Map<String, String> answers) {
    return new ScoreFeatures(
        "pub-1",
        "auto",
        Map.of("channel", "search", "a=b", "x"),
        6 * 24 + 23,
        calls24h,
        Math.max(calls24h, 12),
        0,
        1,
        "512",
        "TX",
        "33130",
        "FL",
        StirVerstat.PASSED_C,
        CallerIdKind.VALID,
        answers,
        ivrSeconds,
        3);
  }

  @Test
  void eachFeatureBecomesOneKeyAndCountsFallIntoBuckets() {
    assertThat(ScoreEncoder.encode(features(4, 45, Map.of("insured", "Yes", "zip", "78701"))))
        .containsExactlyInAnyOrder(
            "publisher=pub-1",
            "campaign=auto",
            "tag:channel=search",
            "tag:a_b=x",
            "day=7",
            "hour=7",
            "calls24h=4",
            "calls30d=10+",
            "conversions24h=0",
            "conversions30d=1+",
            "geo=MISMATCH",
            "stir=PASSED_C",
            "callerId=VALID",
            "ivr:insured=yes",
            "ivrSeconds=40",
            "prefixNeighbours=2");
    assertThat(ScoreEncoder.encode(features(9, 0, Map.of())))
        .contains("calls24h=6+", "ivrSeconds=0");
  }

  @Test
  void longNumericAnswersAreIdentifiersAndLeftOut() {
    assertThat(ScoreEncoder.categorical("78701")).isFalse();
    assertThat(ScoreEncoder.categorical("2")).isTrue();
    assertThat(ScoreEncoder.categorical("yes")).isTrue();
    assertThat(ScoreEncoder.categorical(" ")).isFalse();
    assertThat(ScoreEncoder.categorical("x".repeat(25))).isFalse();
  }

  @Test
  void groupsAreDescribedInTheTracesWords() {
    ScoreFeatures f = features(4, 45, Map.of("insured", "yes", "zip", "78701"));
    assertThat(ScoreEncoder.describe("calls24h", f)).isEqualTo("caller called 4 times in 24 h");
    assertThat(ScoreEncoder.describe("calls30d", f)).isEqualTo("caller called 12 times in 30 days");
    assertThat(ScoreEncoder.describe("conversions24h", f))
        .isEqualTo("no conversion from this caller in 24 h");
    assertThat(ScoreEncoder.describe("conversions30d", f))
        .isEqualTo("caller converted 1 time in 30 days");
    assertThat(ScoreEncoder.describe("geo", f))
        .isEqualTo("area code 512 is in TX but zip 33130 is in FL");
    assertThat(ScoreEncoder.describe("stir", f)).isEqualTo("SHAKEN/STIR TN-Validation-Passed-C");
    assertThat(ScoreEncoder.describe("callerId", f)).isEqualTo("caller id is a valid number");
    assertThat(ScoreEncoder.describe("day", f)).isEqualTo("called on a Sunday (caller's time)");
    assertThat(ScoreEncoder.describe("hour", f)).isEqualTo("called at 23:00 caller's time");
    assertThat(ScoreEncoder.describe("ivrSeconds", f)).isEqualTo("45 s in the IVR");
    assertThat(ScoreEncoder.describe("ivr:insured", f)).isEqualTo("IVR answer insured = yes");
    assertThat(ScoreEncoder.describe("ivr:debt", f)).isEqualTo("no IVR answer to debt");
    assertThat(ScoreEncoder.describe("tag:channel", f)).isEqualTo("source tag channel = search");
    assertThat(ScoreEncoder.describe("tag:a_b", f)).isEqualTo("source tag a_b = x");
    assertThat(ScoreEncoder.describe("tag:sub_id", f)).isEqualTo("no source tag sub_id");
    assertThat(ScoreEncoder.describe("publisher", f)).isEqualTo("publisher pub-1");
    assertThat(ScoreEncoder.describe("campaign", f)).isEqualTo("campaign auto");
    assertThat(ScoreEncoder.describe("prefixNeighbours", f))
        .startsWith("3 other numbers with the caller's prefix");
    assertThat(ScoreEncoder.group("ivr:insured=yes")).isEqualTo("ivr:insured");
    assertThat(ScoreEncoder.group("bare")).isEqualTo("bare");
  }
}
