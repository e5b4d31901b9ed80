package org.ringtree.rules.compiler;

import java.util.List;
import java.util.Optional;
import org.ringtree.rules.validation.Issue;

/** The compiled flow, or the validation issues that stopped it (warnings come along either way). */
public record CompileResult(Optional<CompiledFlow> compiled, List<Issue> issues) {
  public CompileResult {
    issues = List.copyOf(issues);
  }

  public CompiledFlow orElseThrow() {
    return compiled.orElseThrow(() -> new IllegalStateException("flow has errors: " + issues));
  }
}
