package org.ringtree.rules.engine;

import java.util.Objects;
import org.ringtree.rules.call.CallFacts;
import org.ringtree.rules.compiler.VersionKey;

/** A new call for a flow version: which version, and what is known about the call on arrival. */
public record CallContext(VersionKey versionKey, CallFacts facts) {
  public CallContext {
    Objects.requireNonNull(versionKey, "versionKey");
    Objects.requireNonNull(facts, "facts");
  }
}
