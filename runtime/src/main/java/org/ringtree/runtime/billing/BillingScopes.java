package org.ringtree.runtime.billing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.ringtree.rules.billing.BillingTable;
import org.ringtree.rules.directory.Campaign;
import org.ringtree.runtime.billing.BillingTableVersions.Key;

/**
 * The scopes of a campaign's billing (each buyer and publisher with terms of their own, {@code *}
 * for all the others) and the table each scope gets under a set of overrides: what {@link
 * BillingTableVersions} proposes, checks and puts live.
 */
final class BillingScopes {

  private static final String ANY = BillingTableVersions.ANY;

  private final BillingPolicies policies;

  BillingScopes(BillingPolicies policies) {
    this.policies = policies;
  }

  /**
   * Every scope of a campaign: each buyer and publisher with terms of their own before or after the
   * change (or a version already), crossed, with {@code *} for all the others.
   */
  static List<Key> of(
      long flowVersionId,
      Campaign c,
      Set<Key> existing,
      BillingPolicies.OverrideSet before,
      BillingPolicies.OverrideSet after) {
    SortedSet<String> buyers = new TreeSet<>(before.buyersWithTerms(c));
    buyers.addAll(after.buyersWithTerms(c));
    SortedSet<String> publishers = new TreeSet<>(before.publishersWithTerms(c));
    publishers.addAll(after.publishersWithTerms(c));
    for (Key k : existing) {
      buyers.add(k.buyerKey());
      publishers.add(k.publisherKey());
    }
    buyers.add(ANY);
    publishers.add(ANY);
    List<Key> out = new ArrayList<>();
    for (String b : buyers) {
      for (String p : publishers) {
        out.add(new Key(flowVersionId, c.id(), b, p));
      }
    }
    return out;
  }

  BillingTable table(Campaign c, Key k, BillingPolicies.OverrideSet overrides, String describe) {
    try {
      return policies.table(
          BillingPolicies.effective(
                  c,
                  ANY.equals(k.buyerKey()) ? null : k.buyerKey(),
                  ANY.equals(k.publisherKey()) ? null : k.publisherKey(),
                  overrides)
              .policy());
    } catch (IllegalArgumentException e) {
      throw new MoneyProblem(
          MoneyProblem.Kind.INVALID,
          (describe == null ? "the overrides" : describe)
              + " would make the billing table of campaign "
              + c.id()
              + " (buyer "
              + k.buyerKey()
              + ", publisher "
              + k.publisherKey()
              + ") invalid: "
              + e.getMessage());
    }
  }
}
