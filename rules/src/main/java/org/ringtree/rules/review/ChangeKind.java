package org.ringtree.rules.review;

/** Whether something was added, removed or changed between two versions. */
public enum ChangeKind {
  ADDED,
  REMOVED,
  CHANGED
}
