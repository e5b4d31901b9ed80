package org.ringtree.runtime.fraud;

import java.util.List;

/**
 * A fraud change refused: a malformed blocklist (400, every bad line), an unknown campaign or entry
 * (404), or a change that would stop most calls and was not confirmed (409, what it would stop).
 */
public class FraudRefused extends RuntimeException {

  /** A refused line of a blocklist file, counted from 1. */
  public record Line(int line, String problem) {}

  private final int status;
  private final List<Line> lines;
  private final List<String> needsConfirmation;

  private FraudRefused(int status, String message, List<Line> lines, List<String> confirm) {
    super(message);
    this.status = status;
    this.lines = List.copyOf(lines);
    this.needsConfirmation = List.copyOf(confirm);
  }

  static FraudRefused malformed(List<Line> lines) {
    return new FraudRefused(
        400,
        "the blocklist has "
            + lines.size()
            + (lines.size() == 1 ? " bad line" : " bad lines")
            + " (first: line "
            + lines.get(0).line()
            + "); nothing was imported",
        lines,
        List.of());
  }

  static FraudRefused notFound(String what) {
    return new FraudRefused(404, what, List.of(), List.of());
  }

  static FraudRefused unconfirmed(List<String> why) {
    return new FraudRefused(
        409,
        "this change would stop most calls; send it again with confirm=true to save it",
        List.of(),
        why);
  }

  public int status() {
    return status;
  }

  public List<Line> lines() {
    return lines;
  }

  public List<String> needsConfirmation() {
    return needsConfirmation;
  }
}
