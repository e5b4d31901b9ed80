package org.ringtree.rules.flow;

import java.util.List;
import java.util.Optional;
import org.ringtree.rules.validation.Issue;

/** A read flow document, or as much of it as could be read, with the problems found. */
public record FlowParseResult(Optional<FlowDocument> document, List<Issue> issues) {
  public FlowParseResult {
    issues = List.copyOf(issues);
  }

  public boolean ok() {
    return document.isPresent() && issues.stream().noneMatch(Issue::isError);
  }
}
