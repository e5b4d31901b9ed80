package org.ringtree.rules.violation;

/** Deliberately breaks the rules-core boundary, so the test can prove the rule catches it. */
public class RuleThatUsesSpring {
  public boolean hasText(String s) {
    return org.springframework.util.StringUtils.hasText(s);
  }
}
