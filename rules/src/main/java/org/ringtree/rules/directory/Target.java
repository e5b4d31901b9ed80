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

  public boolean isRtb() {
    return destination instanceof Destination.RtbEndpoint;
  }

  /**
   * A target calling {@code destination} for {@code buyerId}, to be given the rest by name: first
   * tier, weight 1, active, and otherwise as the canonical constructor fills what is left null.
   */
  public static Builder builder(String id, String buyerId, Destination destination) {
    return new Builder(id, buyerId, destination);
  }

  /** A fixed-price target with no filters and no caps; a starting point for fixtures. */
  public static Target fixed(String id, String buyerId, String e164, Money price) {
    return builder(id, buyerId, new Destination.PhoneNumber(e164)).fixedPrice(price).build();
  }

  /** This target's settings, to build a changed copy. */
  public Builder toBuilder() {
    return builder(id, buyerId, destination)
        .name(name)
        .fixedPrice(fixedPrice)
        .priorityAndWeight(priority, weight)
        .schedule(schedule)
        .geo(geo)
        .tagFilters(tagFilters)
        .caps(caps)
        .duplicateRule(duplicateRule)
        .active(active)
        .minScore(minScore);
  }

  public Target withMinScore(Integer m) {
    return toBuilder().minScore(m).build();
  }

  public Target withSchedule(Schedule s) {
    return toBuilder().schedule(s).build();
  }

  public Target withGeo(GeoFilter g) {
    return toBuilder().geo(g).build();
  }

  public Target withTagFilters(List<TagFilter> f) {
    return toBuilder().tagFilters(f).build();
  }

  public Target withCaps(Caps c) {
    return toBuilder().caps(c).build();
  }

  public Target withDuplicateRule(DuplicateRule d) {
    return toBuilder().duplicateRule(d).build();
  }

  public Target withPriorityAndWeight(int p, int w) {
    return toBuilder().priorityAndWeight(p, w).build();
  }

  public Target withName(String n) {
    return toBuilder().name(n).build();
  }

  /** Builds a target by naming its settings; {@link #build()} applies the record's checks. */
  public static final class Builder {
    private final String id;
    private final String buyerId;
    private Destination destination;
    private String name;
    private Money fixedPrice;
    private int priority = 1;
    private int weight = 1;
    private Schedule schedule;
    private GeoFilter geo;
    private List<TagFilter> tagFilters;
    private Caps caps;
    private DuplicateRule duplicateRule;
    private boolean active = true;
    private Integer minScore;

    private Builder(String id, String buyerId, Destination destination) {
      this.id = id;
      this.buyerId = buyerId;
      this.destination = destination;
    }

    public Builder destination(Destination d) {
      this.destination = d;
      return this;
    }

    /** The name shown to people; null: the id. */
    public Builder name(String n) {
      this.name = n;
      return this;
    }

    /** The static price it competes at; null: none (an RTB target bids). */
    public Builder fixedPrice(Money price) {
      this.fixedPrice = price;
      return this;
    }

    /** Its tier (lower first) and its share of calls within the tier. */
    public Builder priorityAndWeight(int p, int w) {
      this.priority = p;
      this.weight = w;
      return this;
    }

    public Builder schedule(Schedule s) {
      this.schedule = s;
      return this;
    }

    public Builder geo(GeoFilter g) {
      this.geo = g;
      return this;
    }

    public Builder tagFilters(List<TagFilter> f) {
      this.tagFilters = f;
      return this;
    }

    public Builder caps(Caps c) {
      this.caps = c;
      return this;
    }

    public Builder duplicateRule(DuplicateRule d) {
      this.duplicateRule = d;
      return this;
    }

    public Builder active(boolean a) {
      this.active = a;
      return this;
    }

    /** The lowest call-quality score it takes (0–100); null: any. */
    public Builder minScore(Integer m) {
      this.minScore = m;
      return this;
    }

    public Target build() {
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
          minScore);
    }
  }
}
