package org.ringtree.editor.compliance;

import org.ringtree.editor.shell.Viewer;
import org.ringtree.rules.review.ComplianceReviews.FlowEntry;
import org.ringtree.rules.review.ComplianceReviews.VersionEntry;

/**
 * What the compliance screens offer a viewer for a version, and why not when they do not. The same
 * rules hold behind the port (roles, four eyes, approval before going live); stating them here lets
 * a button say why it is off instead of failing after a click.
 */
final class ReviewRules {

  /** Whether an action is offered; {@code reason} says why not (empty when it is). */
  record Offer(boolean allowed, String reason) {
    static Offer yes() {
      return new Offer(true, "");
    }

    static Offer no(String reason) {
      return new Offer(false, reason);
    }
  }

  private ReviewRules() {}

  /** Approve and reject: compliance or admin, and never the version's own author (four eyes). */
  static Offer decide(Viewer viewer, VersionEntry version) {
    if (!viewer.mayDecide()) {
      return Offer.no("Only compliance staff or an admin can approve or reject a version.");
    }
    if (viewer.username().equals(version.author())) {
      return Offer.no(
          "You wrote this version, so someone else must approve or reject it (four eyes).");
    }
    return Offer.yes();
  }

  /** Publish: operator or admin, not already live, and approved while approval is required. */
  static Offer publish(Viewer viewer, VersionEntry version, boolean approvalRequired) {
    if (!viewer.mayPublish()) {
      return Offer.no("Only operators and admins publish versions.");
    }
    if (version.live()) {
      return Offer.no("This version is live.");
    }
    if (approvalRequired && !"APPROVED".equals(version.state())) {
      return Offer.no(
          "Approval is required: this version can be published once it is approved"
              + ("REJECTED".equals(version.state()) ? " (it was rejected)." : "."));
    }
    return Offer.yes();
  }

  /** Roll back: anyone who reads reviews, when the flow has a live version. */
  static Offer rollback(Viewer viewer, FlowEntry flow) {
    if (!viewer.mayReadReviews()) {
      return Offer.no("Your role may not roll back a flow.");
    }
    if (flow == null || flow.liveVersionId() == null) {
      return Offer.no("Nothing is live, so there is nothing to roll back.");
    }
    return Offer.yes();
  }

  /** Changing whether approval is required: admins only. */
  static Offer changeSetting(Viewer viewer) {
    return viewer.mayChangeSettings() ? Offer.yes() : Offer.no("Only an admin can change this.");
  }

  /** The review state in words. */
  static String state(VersionEntry version) {
    switch (version.state()) {
      case "APPROVED":
        return "Approved";
      case "REJECTED":
        return "Rejected";
      default:
        return "Waiting for review";
    }
  }

  /** A refusal from the platform, as a sentence for the person who clicked. */
  static String refusal(RuntimeException e) {
    String message = e.getMessage();
    if (message == null || message.isBlank() || "Access Denied".equals(message)) {
      return "Refused: your role may not do this.";
    }
    return "Refused: " + message;
  }
}
