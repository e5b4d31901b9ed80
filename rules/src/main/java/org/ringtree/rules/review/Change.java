package org.ringtree.rules.review;

/**
 * One difference between two versions of a flow or of its directory entries. {@code element} says
 * what changed ("flow", "node", "edge", or a directory entry type such as "target"), {@code
 * subject} which one (node id, "from:port", entry id), {@code field} which setting (null when the
 * whole element was added or removed); {@code summary} says it in plain words.
 */
public record Change(
    ChangeKind kind,
    String element,
    String subject,
    String field,
    String before,
    String after,
    String summary) {}
