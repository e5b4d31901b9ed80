package org.ringtree.rules.validation;

/** ERROR blocks publishing; WARNING is shown but allowed. */
public enum Severity {
  ERROR,
  WARNING
}
