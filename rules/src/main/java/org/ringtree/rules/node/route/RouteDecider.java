package org.ringtree.rules.node.route;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kie.dmn.api.core.DMNDecisionResult;
import org.kie.dmn.api.core.DMNResult;
import org.ringtree.rules.call.CallFacts;
import org.ringtree.rules.directory.BidDestinations;
import org.ringtree.rules.directory.Buyer;
import org.ringtree.rules.directory.Campaign;
import org.ringtree.rules.directory.Destination;
import org.ringtree.rules.directory.DirectorySnapshot;
import org.ringtree.rules.directory.Target;
import org.ringtree.rules.engine.DmnNames;
import org.ringtree.rules.engine.FlowRuntime;
import org.ringtree.rules.engine.fact.CampaignFact;
import org.ringtree.rules.engine.fact.CapFact;
import org.ringtree.rules.engine.fact.Outcomes;
import org.ringtree.rules.engine.fact.RouteCheck;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.NodeConfig;
import org.ringtree.rules.money.Money;
import org.ringtree.rules.routing.AuctionCloser;
import org.ringtree.rules.routing.Bid;
import org.ringtree.rules.routing.BidCollector;
import org.ringtree.rules.routing.BidRequest;
import org.ringtree.rules.routing.Candidate;
import org.ringtree.rules.routing.PingResult;
import org.ringtree.rules.routing.RouteContext;
import org.ringtree.rules.routing.RouteDecision;
import org.ringtree.rules.trace.Justification;
import org.ringtree.rules.trace.Justification.Verdict;

/**
 * Decides one route node for one call: eligibility through the generated rules, bids through the
 * {@link BidCollector} port for eligible RTB targets, price acceptance through the routing DMN
 * (floor and margin), then ranking by priority tier and the node's distribution method.
 */
final class RouteDecider {

  private final FlowRuntime rt;
  private final FlowNode node;
  private final RouteTargets targets;

  RouteDecider(FlowRuntime rt, FlowNode node) {
    this.rt = rt;
    this.node = node;
    this.targets = rt.prepared(node.id(), RouteTargets.class);
  }

  RouteDecision decide(RouteContext ctx, BidCollector bids) {
    String nodeId = node.id();
    NodeConfig cfg = node.settings();
    DirectorySnapshot dir = rt.compiled().directory();
    CallFacts facts = ctx.facts();
    List<Justification> why = new ArrayList<>();

    // 1. Eligibility rules (over the call's own facts, which the engine adds).
    List<Object> inserted = new ArrayList<>();
    inserted.add(new RouteCheck(nodeId));
    List<Object> routeFacts = LiveRouteFacts.live(targets.facts(), ctx.live(), dir);
    inserted.addAll(routeFacts);
    for (Object f : routeFacts) {
      if (f instanceof CapFact cap) {
        inserted.add(LiveRouteFacts.usage(cap, ctx, dir));
      }
    }
    Campaign campaign =
        facts.campaignId() == null ? null : dir.campaign(facts.campaignId()).orElse(null);
    if (campaign == null && rt.compiled().flow().campaignId() != null) {
      campaign = dir.campaign(rt.compiled().flow().campaignId()).orElse(null);
    }
    if (campaign != null) {
      inserted.add(
          new CampaignFact(
              campaign.id(),
              campaign.duplicateRule().scope(),
              campaign.duplicateRule().basis(),
              campaign.duplicateRule().windowSeconds()));
    }
    // The routing DMN decides the method, the lowest acceptable offer and the auction's scope.
    Policy policy = policy(nodeId, campaign);
    String method = policy.method();
    Outcomes out = rt.decide(facts, inserted);
    Map<String, List<Outcomes.Skip>> skipped = new LinkedHashMap<>();
    for (Outcomes.Skip s : out.skips()) {
      skipped.computeIfAbsent(s.targetId(), k -> new ArrayList<>()).add(s);
    }

    List<Target> eligible = new ArrayList<>();
    for (String id : targets.ids()) {
      Target t = dir.target(id).orElse(null);
      if (t == null) {
        continue;
      }
      List<Outcomes.Skip> s = skipped.get(id);
      if (ctx.live().buyerPaused(t.buyerId())) {
        // a buyer's pause is live, so no generated rule knows it: said here, in the same words
        why.add(
            new Justification(
                id,
                nodeId,
                "live_buyer_paused",
                Verdict.SKIPPED,
                t.name()
                    + " skipped: buyer "
                    + dir.buyer(t.buyerId()).map(Buyer::name).orElse(t.buyerId())
                    + " is paused"));
      }
      Integer score = facts.score() == null ? null : facts.score().value();
      boolean belowFloor = t.belowFloor(score);
      if (belowFloor) {
        // the target's own floor on the call's quality score (docs/score.md)
        why.add(
            new Justification(
                id,
                nodeId,
                "score_floor",
                Verdict.SKIPPED,
                t.name()
                    + " skipped: the call's score "
                    + score
                    + " is below the target's minimum "
                    + t.minScore()));
      }
      if (s != null) {
        s.stream()
            .sorted(Comparator.comparing(Outcomes.Skip::ruleId))
            .forEach(
                k ->
                    why.add(
                        new Justification(
                            id,
                            nodeId,
                            k.ruleId(),
                            Verdict.SKIPPED,
                            t.name() + " skipped: " + k.reason())));
      } else if (!ctx.live().buyerPaused(t.buyerId()) && !belowFloor) {
        eligible.add(ctx.live().apply(t));
      }
    }

    // 2. Bids for eligible RTB targets.
    List<PingResult> pings = List.of();
    Map<String, PingResult> pingByTarget = new HashMap<>();
    List<BidCollector.PingTarget> toPing =
        eligible.stream()
            .filter(Target::isRtb)
            .map(
                t -> new BidCollector.PingTarget(t.id(), (Destination.RtbEndpoint) t.destination()))
            .toList();
    if (!toPing.isEmpty()) {
      if (bids == null) {
        throw new IllegalArgumentException(
            "route " + nodeId + " has RTB targets: a BidCollector is needed");
      }
      // ping-post targets are pinged without the number whatever this says (BidRequest.forPing)
      BidRequest request = BidRequest.of(facts, campaign != null && campaign.shareCallerNumber());
      AuctionCloser closer = closer(eligible, policy, ctx);
      pings =
          bids.collect(
              request,
              toPing,
              Duration.ofMillis(cfg.integer("pingDeadlineMillis", 2000)),
              closer,
              late -> {});
      pings.forEach(p -> pingByTarget.put(p.targetId(), p));
      closer
          .closedEarly()
          .ifPresent(
              close ->
                  why.add(
                      new Justification(
                          nodeId,
                          nodeId,
                          "auction_close",
                          Verdict.STEP,
                          "Auction closed after "
                              + closer.closedAt().toMillis()
                              + " ms: "
                              + close.why()
                              + "; not waited for: "
                              + close.notWaitedFor().stream()
                                  .map(
                                      n ->
                                          dir.target(n.targetId())
                                              .map(Target::name)
                                              .orElse(n.targetId()))
                                  .collect(java.util.stream.Collectors.joining(", "))
                              + ".")));
    }

    // 3. Prices, and the routing policy's lowest acceptable offer.
    String currency = campaign == null ? Money.USD : campaign.currency();
    List<Candidate> candidates = new ArrayList<>();
    for (Target t : eligible) {
      Candidate c;
      if (t.isRtb()) {
        PingResult p = pingByTarget.get(t.id());
        if (p == null || p.status() != PingResult.Status.ACCEPTED) {
          String reason =
              p == null
                  ? "no bid"
                  : "no bid ("
                      + p.status().name().toLowerCase(java.util.Locale.ROOT)
                      + (p.reason() == null ? "" : ": " + p.reason())
                      + ")";
          why.add(
              new Justification(
                  t.id(), nodeId, "rtb", Verdict.SKIPPED, t.name() + " skipped: " + reason));
          continue;
        }
        Bid b = p.bid().orElseThrow();
        if (b.expiredAt(ctx.now())) {
          why.add(
              new Justification(
                  t.id(),
                  nodeId,
                  "rtb",
                  Verdict.SKIPPED,
                  t.name() + " skipped: bid expired at " + b.expiresAt()));
          continue;
        }
        Optional<String> refused =
            dir.buyer(t.buyerId())
                .map(Buyer::bidDestinations)
                .orElse(BidDestinations.DEFAULT)
                .problem(b.destination());
        if (refused.isPresent()) {
          // a buyer's endpoint names the number the network pays to dial: never a toll-fraud one
          why.add(
              new Justification(
                  t.id(),
                  nodeId,
                  "rtb",
                  Verdict.SKIPPED,
                  t.name() + " skipped: bid destination refused: " + refused.get()));
          continue;
        }
        c =
            new Candidate(
                t.id(),
                t.name(),
                t.buyerId(),
                t.priority(),
                t.weight(),
                b.destination(),
                b.amount(),
                Candidate.PriceSource.BID,
                b);
      } else if (t.fixedPrice() != null) {
        c =
            new Candidate(
                t.id(),
                t.name(),
                t.buyerId(),
                t.priority(),
                t.weight(),
                t.destination(),
                t.fixedPrice(),
                Candidate.PriceSource.FIXED,
                null);
      } else {
        c =
            new Candidate(
                t.id(),
                t.name(),
                t.buyerId(),
                t.priority(),
                t.weight(),
                t.destination(),
                null,
                Candidate.PriceSource.NONE,
                null);
      }
      if ("ringTree".equals(method)) {
        if (c.price() == null) {
          why.add(
              new Justification(
                  t.id(),
                  nodeId,
                  policy.row(),
                  Verdict.SKIPPED,
                  t.name() + " skipped: no price to compete with"));
          continue;
        }
        if (c.price().amount().compareTo(policy.minimum()) < 0) {
          why.add(
              new Justification(
                  t.id(),
                  nodeId,
                  policy.row(),
                  Verdict.SKIPPED,
                  t.name()
                      + " skipped: offer "
                      + c.price().amount().toPlainString()
                      + " below the minimum "
                      + policy
                          .minimum()
                          .setScale(2, java.math.RoundingMode.HALF_EVEN)
                          .toPlainString()
                      + " "
                      + currency
                      + " (floor/margin)"));
          continue;
        }
      }
      candidates.add(c);
    }

    // 4. Ranking: priority tiers first, then the method inside each tier.
    List<Candidate> ranked =
        RouteRanking.rank(method, policy.oneAuction(), candidates, ctx, cfg, targets.ids());
    for (int i = 0; i < ranked.size(); i++) {
      Candidate c = ranked.get(i);
      String price = c.price() == null ? "no price" : c.price().toString();
      why.add(
          new Justification(
              c.targetId(),
              nodeId,
              policy.row(),
              i == 0 ? Verdict.WINNER : Verdict.ELIGIBLE,
              c.name()
                  + (i == 0 ? " wins" : " ranked " + (i + 1))
                  + " (tier "
                  + c.tier()
                  + (policy.oneAuction() ? ", one auction across tiers, " : ", ")
                  + method
                  + ", "
                  + price
                  + ")"));
    }
    Justification summary =
        ranked.isEmpty()
            ? new Justification(
                nodeId,
                nodeId,
                policy.row(),
                Verdict.SKIPPED,
                "No eligible target; the call takes the fallback.")
            : new Justification(
                ranked.get(0).targetId(),
                nodeId,
                policy.row(),
                Verdict.WINNER,
                ranked.get(0).name()
                    + " wins by "
                    + method
                    + " among "
                    + ranked.size()
                    + " eligible of "
                    + targets.ids().size()
                    + ".");
    return new RouteDecision(nodeId, method, ranked, why, pings, summary);
  }

  /**
   * What may close this node's auction early: the fixed prices already in hand (when the node ranks
   * by price), every RTB target to ping with its tier and bid history, and the node's minimum
   * offer.
   */
  private static AuctionCloser closer(List<Target> eligible, Policy policy, RouteContext ctx) {
    List<AuctionCloser.Offer> fixed = new ArrayList<>();
    List<AuctionCloser.Prospect> prospects = new ArrayList<>();
    for (Target t : eligible) {
      if (t.isRtb()) {
        prospects.add(
            new AuctionCloser.Prospect(
                t.id(), t.name(), t.priority(), ctx.auction().history(t.id())));
      } else if (t.fixedPrice() != null) {
        fixed.add(new AuctionCloser.Offer(t.id(), t.name(), t.priority(), t.fixedPrice().amount()));
      }
    }
    return new AuctionCloser(
        ctx.auction().policy(policy.method(), policy.oneAuction()),
        fixed,
        prospects,
        policy.minimum());
  }

  /** The routing DMN's answer for this node. */
  private record Policy(String method, BigDecimal minimum, boolean oneAuction, String row) {}

  private Policy policy(String nodeId, Campaign campaign) {
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("Route node", nodeId);
    inputs.put(
        "Publisher payout", org.ringtree.rules.compiler.FlowCompiler.expectedPayout(campaign));
    DMNResult result = rt.evaluateRouting(inputs);
    DMNDecisionResult d = result.getDecisionResultByName(DmnNames.ROUTING_DECISION);
    if (d == null || d.hasErrors() || !(d.getResult() instanceof Map<?, ?> m)) {
      throw new IllegalStateException(
          "routing policy failed for " + nodeId + ": " + result.getMessages());
    }
    Object min = m.get("Minimum offer");
    return new Policy(
        String.valueOf(m.get("Method")),
        min instanceof BigDecimal b ? b : new BigDecimal(String.valueOf(min)),
        "oneAuction".equals(m.get("Auction")),
        String.valueOf(m.get("Row")));
  }
}
