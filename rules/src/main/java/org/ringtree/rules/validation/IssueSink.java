package org.ringtree.rules.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where the graph checks, the settings checks and each node kind's own checks report, in the order
 * they find things; the validator returns what was collected.
 */
public final class IssueSink {

  /** Tag, answer and mapping names: letters, digits, '.', '-' and '_' (at most 64). */
  public static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private final List<Issue> issues = new ArrayList<>();

  public void error(String node, String field, String code, String message) {
    issues.add(Issue.error(node, field, code, message));
  }

  public void warn(String node, String field, String code, String message) {
    issues.add(Issue.warning(node, field, code, message));
  }

  /** Reports a setting that names a tag or answer with characters names may not have. */
  public void checkName(String node, String field, String value) {
    if (value != null && !value.isEmpty() && !NAME.matcher(value).matches()) {
      error(
          node, field, "setting.name", "Names use letters, digits, '.', '-' and '_' (at most 64).");
    }
  }

  List<Issue> issues() {
    return List.copyOf(issues);
  }
}
