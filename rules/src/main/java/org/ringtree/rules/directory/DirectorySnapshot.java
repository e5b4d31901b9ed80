package org.ringtree.rules.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The directory entries a flow may refer to, as plain data. The validator checks references against
 * it; the compiler embeds the subset a flow uses, so a compiled version is self-contained. Lists
 * are kept sorted by id so the same entries always serialise the same way.
 */
public record DirectorySnapshot(
    List<Vertical> verticals,
    List<Campaign> campaigns,
    List<Publisher> publishers,
    List<Buyer> buyers,
    List<Target> targets,
    List<TargetGroup> targetGroups,
    List<TrackingNumber> trackingNumbers,
    Set<String> connectorIds) {

  public static final DirectorySnapshot EMPTY =
      new DirectorySnapshot(
          List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), Set.of());

  public DirectorySnapshot {
    verticals = sorted(verticals, Vertical::id);
    campaigns = sorted(campaigns, Campaign::id);
    publishers = sorted(publishers, Publisher::id);
    buyers = sorted(buyers, Buyer::id);
    targets = sorted(targets, Target::id);
    targetGroups = sorted(targetGroups, TargetGroup::id);
    trackingNumbers = sorted(trackingNumbers, TrackingNumber::e164);
    connectorIds =
        connectorIds == null
            ? Set.of()
            : java.util.Collections.unmodifiableSet(new TreeSet<>(connectorIds));
  }

  private static <T> List<T> sorted(Collection<T> in, Function<T, String> id) {
    if (in == null) {
      return List.of();
    }
    List<T> out = new ArrayList<>(in);
    out.sort(Comparator.comparing(id));
    return List.copyOf(out);
  }

  public Optional<Campaign> campaign(String id) {
    return campaigns.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  public Optional<Buyer> buyer(String id) {
    return buyers.stream().filter(b -> b.id().equals(id)).findFirst();
  }

  public Optional<Publisher> publisher(String id) {
    return publishers.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  public Optional<Target> target(String id) {
    return targets.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  public Optional<TargetGroup> targetGroup(String id) {
    return targetGroups.stream().filter(g -> g.id().equals(id)).findFirst();
  }

  public Optional<TrackingNumber> trackingNumber(String e164) {
    return trackingNumbers.stream().filter(t -> t.e164().equals(e164)).findFirst();
  }

  /** Target ids named directly plus those of the groups, in first-seen order, without repeats. */
  public List<String> expandTargets(List<String> targetIds, List<String> groupIds) {
    Set<String> out = new LinkedHashSet<>(targetIds);
    for (String g : groupIds) {
      targetGroup(g).ifPresent(group -> out.addAll(group.targetIds()));
    }
    return List.copyOf(out);
  }

  /**
   * The entries a flow needs: one campaign, its vertical, and the targets/groups/buyers it uses.
   */
  public DirectorySnapshot subset(
      String campaignId,
      Collection<String> targetIds,
      Collection<String> groupIds,
      Set<String> connectors) {
    List<TargetGroup> groups =
        targetGroups.stream().filter(g -> groupIds.contains(g.id())).toList();
    Set<String> tids = new TreeSet<>(targetIds);
    groups.forEach(g -> tids.addAll(g.targetIds()));
    List<Target> ts = targets.stream().filter(t -> tids.contains(t.id())).toList();
    Set<String> bids = new TreeSet<>();
    ts.forEach(t -> bids.add(t.buyerId()));
    List<Campaign> cs = campaigns.stream().filter(c -> c.id().equals(campaignId)).toList();
    Set<String> vids = new TreeSet<>();
    cs.forEach(
        c -> {
          if (c.verticalId() != null) vids.add(c.verticalId());
        });
    return new DirectorySnapshot(
        verticals.stream().filter(v -> vids.contains(v.id())).toList(),
        cs,
        List.of(),
        buyers.stream().filter(b -> bids.contains(b.id())).toList(),
        ts,
        groups,
        List.of(),
        new TreeSet<>(connectors));
  }
}
