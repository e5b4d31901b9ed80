package org.ringtree.rules.validation;

import org.ringtree.rules.directory.DirectorySnapshot;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.PortSpec;

/**
 * A node kind's own checks, beyond its settings schema (which {@link SettingsChecks} applies to
 * every kind), and what the graph checks need to know about the kind. Implemented by the kind's
 * handler in {@code org.ringtree.rules.node}.
 */
public interface KindCheck {

  /** Checks one node of this kind whose settings have already been checked against the schema. */
  void check(FlowNode node, DirectorySnapshot directory, IssueSink issues);

  /**
   * Reports an unconnected port in this kind's own words; false leaves it to the graph checks'
   * general rule (required: error, optional: warning).
   */
  default boolean reportUnconnected(FlowNode node, PortSpec port, IssueSink issues) {
    return false;
  }

  /** Whether every caller passing this node has heard that the call may be recorded. */
  default boolean announcesRecording(FlowNode node) {
    return false;
  }

  /** Whether this node records the call (and so must come after a recording notice). */
  default boolean recordsCall(FlowNode node) {
    return false;
  }

  /** Whether a loop through a node of this kind is limited by it. */
  default boolean capsLoops() {
    return false;
  }

  /** Whether this kind ends the call, which is a way out of any loop. */
  default boolean endsCall() {
    return false;
  }
}
