package org.ringtree.rules.flow;

/** Connects port {@code port} of node {@code from} to node {@code to}. */
public record FlowEdge(String from, String port, String to) {}
