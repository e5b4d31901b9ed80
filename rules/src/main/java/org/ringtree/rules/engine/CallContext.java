package org.ringtree.rules.engine;

import java.util.Objects;
import org.ringtree.rules.call.CallFacts;

/** A new call for a flow version: which version, and what is known about the call on arrival. */
public record CallContext(String versionId, CallFacts facts) {
  public CallContext {
    Objects.requireNonNull(versionId, "versionId");
    Objects.requireNonNull(facts, "facts");
  }
}
