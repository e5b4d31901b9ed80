package org.ringtree.rules.fraud;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a blocklist file as operators get them: one entry per line, an optional note after the
 * first comma, an optional header line. An entry is an E.164 number ({@code +15125550111}), a US
 * number of 10 digits or 11 starting with 1 (made E.164), a prefix ending in {@code *} ({@code
 * +1512555*}), or a three-digit area code. Blank lines and lines starting with {@code #} are
 * skipped. All or nothing: one bad line refuses the whole file, naming every bad line.
 */
public final class BlocklistCsv {

  /** A refused line: its number in the file (from 1) and what was expected. */
  public record LineProblem(int line, String problem) {}

  /** The entries read, or the problems when any line was bad (then no entries). */
  public record Result(List<BlockEntry> entries, List<LineProblem> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  private static final Pattern US_TEN = Pattern.compile("[2-9]\\d{9}");
  private static final Pattern US_ELEVEN = Pattern.compile("1[2-9]\\d{9}");
  private static final Pattern HEADER = Pattern.compile("(?i)[\"']?[a-z _]+[\"']?");
  private static final int MAX_PROBLEMS = 50;

  private BlocklistCsv() {}

  public static Result read(String text) {
    List<BlockEntry> entries = new ArrayList<>();
    List<LineProblem> problems = new ArrayList<>();
    String[] lines = text.split("\r?\n|\r", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int comma = line.indexOf(',');
      String value = unquote(comma < 0 ? line : line.substring(0, comma));
      String note = comma < 0 ? "" : unquote(line.substring(comma + 1));
      if (i == firstContentLine(lines) && HEADER.matcher(value).matches()) {
        continue;
      }
      Optional<BlockEntry> entry;
      try {
        entry = Optional.of(entry(value, note));
      } catch (IllegalArgumentException e) {
        entry = Optional.empty();
        if (problems.size() < MAX_PROBLEMS) {
          problems.add(new LineProblem(i + 1, e.getMessage()));
        }
      }
      entry.ifPresent(entries::add);
    }
    return problems.isEmpty()
        ? new Result(List.copyOf(entries), List.of())
        : new Result(List.of(), List.copyOf(problems));
  }

  static BlockEntry entry(String value, String note) {
    String v = value.replaceAll("[\\s().-]", "");
    if (v.endsWith("*")) {
      return new BlockEntry(BlockEntry.Kind.PREFIX, v.substring(0, v.length() - 1), note);
    }
    if (v.length() == 3) {
      return new BlockEntry(BlockEntry.Kind.AREA_CODE, v, note);
    }
    if (US_TEN.matcher(v).matches()) {
      v = "+1" + v;
    } else if (US_ELEVEN.matcher(v).matches()) {
      v = "+" + v;
    }
    if (!v.startsWith("+")) {
      throw new IllegalArgumentException(
          "expected an E.164 number (+15125550111), a 10-digit US number, a prefix ending in *"
              + " (+1512555*) or a 3-digit area code, not \""
              + value
              + "\"");
    }
    return new BlockEntry(BlockEntry.Kind.NUMBER, v, note);
  }

  private static int firstContentLine(String[] lines) {
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i].strip();
      if (!l.isEmpty() && !l.startsWith("#")) {
        return i;
      }
    }
    return -1;
  }

  private static String unquote(String s) {
    String t = s.strip();
    if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
      t = t.substring(1, t.length() - 1).replace("\"\"", "\"");
    }
    return t.strip();
  }
}
