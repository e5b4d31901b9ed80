package org.ringtree.runtime.approval;

import java.util.Optional;
import org.ringtree.rules.review.Safeguards;

/**
 * The promoted score model as the version review shows it; the score feature provides it (it
 * depends on this package for the approval setting, so the review asks through this interface).
 */
public interface PromotedModelReview {

  Optional<Safeguards.Model> promotedForReview();
}
