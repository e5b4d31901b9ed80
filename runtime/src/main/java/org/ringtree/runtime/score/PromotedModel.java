package org.ringtree.runtime.score;

import java.util.Optional;
import org.ringtree.rules.score.ScoreModel;

/**
 * The model that scores calls now, read from memory on every node: empty while none is promoted,
 * and then calls are scored by the rule-based prior ({@code rules.score.Scoring}).
 */
public interface PromotedModel {

  Optional<ScoreModel> current();
}
