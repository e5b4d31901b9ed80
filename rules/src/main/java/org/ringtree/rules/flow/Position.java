package org.ringtree.rules.flow;

/** Where the editor draws a node; no meaning to the engine. */
public record Position(double x, double y) {
  public static final Position ORIGIN = new Position(0, 0);
}
