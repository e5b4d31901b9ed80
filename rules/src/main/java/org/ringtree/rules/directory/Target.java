package org.ringtree.rules.directory;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;
import org.ringtree.rules.money.Money;

/**
 * A place a buyer takes calls: a number, a SIP URI, or an RTB endpoint that bids first. A target
 * with a {@code fixedPrice} competes at that static price; an RTB target at its bid. Lower {@code
 * priority} tiers are tried first; {@code weight} shares calls within a tier for weighted routing.
 * {@code minScore} (null: none) is the lowest call-quality score (0–100, docs/score.md) the target
 * takes: a scored call below it skips the target.
 */
public record Target(
    String id,
    String name,
    String buyerId,
    Destination destination,
    Money fixedPrice,
    int priority,
    int weight,
    Schedule schedule,
    GeoFilter geo,
    List<TagFilter> tagFilters,
    Caps caps,
    DuplicateRule duplicateRule,
    boolean active,
    @JsonInclude(JsonInclude.Include.NON_NULL) Integer minScore) {

  /** A target that takes calls of any score. */
  public Target(
      String id,
      String name,
      String buyerId,
      Destination destination,
      Money fixedPrice,
      int priority,
      int weight,
      Schedule schedule,
      GeoFilter geo,
      List<TagFilter> tagFilters,
      Caps caps,
      DuplicateRule duplicateRule,
      boolean active) {
    this(
        id,
        name,
        buyerId,
        destination,
        fixedPrice,
        priority,
        weight,
        schedule,
        geo,
        tagFilters,
        caps,
        duplicateRule,
        active,
        null);
  }

  public Target {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(buyerId, "buyerId");
    Objects.requireNonNull(destination, "destination");
    name = name == null ? id : name;
    weight = Math.max(weight, 0);
    schedule = schedule == null ? Schedule.ALWAYS : schedule;
    if (Schedule.CALLER.equals(schedule.timezone())) {
      // a target's hours are the buyer's own; only flow conditions follow the caller's zone
      throw new IllegalArgumentException("a target's schedule needs an IANA timezone, not caller");
    }
    geo = geo == null ? GeoFilter.ANYWHERE : geo;
    tagFilters = tagFilters == null ? List.of() : List.copyOf(tagFilters);
    caps = caps == null ? Caps.NONE : caps;
    duplicateRule = duplicateRule == null ? DuplicateRule.NONE : duplicateRule;
    if (minScore != null && (minScore < 0 || minScore > 100)) {
      throw new IllegalArgumentException("a target's minimum score is 0..100, not " + minScore);
    }
  }

  /** Whether a call of this score (null: not scored) is below the target's floor. */
  public boolean belowFloor(Integer score) {
    return minScore != null && score != null && score < minScore;
  }

  public Target withMinScore(Integer m) {
    return new Target(
        id,
        name,
        buyerId,
        destination,
        fixedPrice,
        priority,
        weight,
        schedule,
        geo,
        tagFilters,
        caps,
        duplicateRule,
        active,
        m);
  }

  public boolean isRtb() {
    return destination instanceof Destination.RtbEndpoint;
  }

  /** A fixed-price target with no filters and no caps; a starting point for fixtures. */
  public static Target fixed(String id, String buyerId, String e164, Money price) {
    return new Target(
        id,
        id,
        buyerId,
        new Destination.PhoneNumber(e164),
        price,
        1,
        1,
        null,
        null,
        null,
        null,
        null,
        true);
  }

  public Target withSchedule(Schedule s) {
    return new Target(
        id,
        name,
        buyerId,
        destination,
        fixedPrice,
        priority,
        weight,
        s,
        geo,
        tagFilters,
        caps,
        duplicateRule,
        active,
        minScore);
  }

  public Target withGeo(GeoFilter g) {
    return new Target(
        id,
        name,
        buyerId,
        destination,
        fixedPrice,
        priority,
        weight,
        schedule,
        g,
        tagFilters,
        caps,
        duplicateRule,
        active,
        minScore);
  }

  public Target withTagFilters(List<TagFilter> f) {
    return new Target(
        id,
        name,
        buyerId,
        destination,
        fixedPrice,
        priority,
        weight,
        schedule,
        geo,
        f,
        caps,
        duplicateRule,
        active,
        minScore);
  }

  public Target withCaps(Caps c) {
    return new Target(
        id,
        name,
        buyerId,
        destination,
        fixedPrice,
        priority,
        weight,
        schedule,
        geo,
        tagFilters,
        c,
        duplicateRule,
        active,
        minScore);
  }

  public Target withDuplicateRule(DuplicateRule d) {
    return new Target(
        id,
        name,
        buyerId,
        destination,
        fixedPrice,
        priority,
        weight,
        schedule,
        geo,
        tagFilters,
        caps,
        d,
        active,
        minScore);
  }

  public Target withPriorityAndWeight(int p, int w) {
    return new Target(
        id,
        name,
        buyerId,
        destination,
        fixedPrice,
        p,
        w,
        schedule,
        geo,
        tagFilters,
        caps,
        duplicateRule,
        active,
        minScore);
  }

  public Target withName(String n) {
    return new Target(
        id,
        n,
        buyerId,
        destination,
        fixedPrice,
        priority,
        weight,
        schedule,
        geo,
        tagFilters,
        caps,
        duplicateRule,
        active,
        minScore);
  }
}
