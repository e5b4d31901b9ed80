package org.ringtree.rules.flow;

/**
 * An output port of a node kind. A required port must be connected; an optional one has a default
 * (stated in {@code help}) when it is not.
 */
public record PortSpec(String name, String label, boolean required, String help) {}
