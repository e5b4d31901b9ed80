package org.ringtree.editor.compliance;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.ringtree.editor.compliance.BillingReviewPort.TableVersion;
import org.ringtree.editor.compliance.ReviewRules.Offer;
import org.ringtree.editor.shell.Viewer;

/**
 * What the billing-table review offers a viewer, and the words it shows. The platform enforces the
 * same four-eyes rule; stating it here lets the buttons say why they are off before a click.
 */
final class BillingReviewRules {

  private BillingReviewRules() {}

  /** Approve and reject: compliance or admin, a pending version, and never who asked for it. */
  static Offer decide(Viewer viewer, TableVersion version) {
    if (!viewer.mayDecide()) {
      return Offer.no("Only compliance staff or an admin can approve or reject a billing table.");
    }
    if (!"PENDING".equals(version.state())) {
      return Offer.no(
          "This table was decided already: it is "
              + state(version).toLowerCase(Locale.ROOT)
              + (version.decidedBy() == null ? "." : " (" + version.decidedBy() + ")."));
    }
    if (viewer.username().equals(version.requestedBy())) {
      return Offer.no(
          "FLOW".equals(version.cause())
              ? "You wrote the flow version that proposed this table, so someone else must approve"
                  + " or reject it (four eyes)."
              : "You asked for this change, so someone else must approve or reject it (four"
                  + " eyes).");
    }
    return Offer.yes();
  }

  /** Pending versions first (oldest waiting first), then the rest newest first. */
  static List<TableVersion> ordered(List<TableVersion> versions) {
    Comparator<TableVersion> pendingFirst =
        Comparator.comparing((TableVersion v) -> !"PENDING".equals(v.state()));
    return versions.stream()
        .sorted(
            pendingFirst.thenComparing(
                (a, b) ->
                    "PENDING".equals(a.state())
                        ? Long.compare(a.id(), b.id())
                        : Long.compare(b.id(), a.id())))
        .toList();
  }

  static String state(TableVersion v) {
    switch (v.state()) {
      case "PENDING":
        return "Waiting for review";
      case "LIVE":
        return "Live";
      case "RETIRED":
        return "Replaced";
      case "REJECTED":
        return "Rejected";
      default:
        return v.state();
    }
  }

  /** "any buyer · publisher blue-billboard". */
  static String scope(TableVersion v) {
    return (BillingReviewPort.ANY.equals(v.buyerKey()) ? "any buyer" : "buyer " + v.buyerKey())
        + " · "
        + (BillingReviewPort.ANY.equals(v.publisherKey())
            ? "any publisher"
            : "publisher " + v.publisherKey());
  }

  /** Why the version exists, in words. */
  static String cause(TableVersion v) {
    if ("FLOW".equals(v.cause())) {
      return "new flow version";
    }
    return v.changeId() == null ? "override change" : "override change #" + v.changeId();
  }
}
