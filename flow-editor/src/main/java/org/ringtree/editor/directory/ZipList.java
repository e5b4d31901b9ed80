package org.ringtree.editor.directory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads an uploaded ZIP list, a .txt or .csv file: one code a line, or several separated by commas,
 * semicolons or tabs; a first line naming its columns is a header, and when one of them is a ZIP
 * column only that column is read. Each value must be five digits, as the API requires; a bad value
 * is named with its line.
 */
final class ZipList {

  /** Where the API's ZIP check is worded; the upload says the same. */
  static final String WHAT = "a ZIP code is five digits such as 90210";

  /** The codes in file order without repeats, and each bad value with its line. */
  record Result(List<String> zips, List<String> problems) {
    Result {
      zips = List.copyOf(zips);
      problems = List.copyOf(problems);
    }

    boolean ok() {
      return problems.isEmpty();
    }
  }

  private ZipList() {}

  static Result parse(String text) {
    Set<String> zips = new LinkedHashSet<>();
    List<String> problems = new ArrayList<>();
    List<String> lines = text == null ? List.of() : text.lines().toList();
    int column = -1;
    int first = 0;
    if (!lines.isEmpty() && lines.get(0).replace("\uFEFF", "").matches(".*[A-Za-z].*")) {
      // a header: read only its ZIP column when it names one
      List<String> names = cells(lines.get(0).replace("\uFEFF", ""));
      for (int i = 0; i < names.size(); i++) {
        String n = names.get(i).toLowerCase(Locale.ROOT);
        if (n.contains("zip") || n.contains("postal")) {
          column = i;
          break;
        }
      }
      first = 1;
    }
    for (int i = first; i < lines.size(); i++) {
      List<String> cells = cells(lines.get(i));
      List<String> values =
          column >= 0
              ? (column < cells.size() ? List.of(cells.get(column)) : List.of())
              : cells.stream().flatMap(c -> java.util.Arrays.stream(c.split("\\s+"))).toList();
      for (String v : values) {
        if (v.isEmpty()) {
          continue;
        }
        if (v.matches("[0-9]{5}")) {
          zips.add(v);
        } else {
          problems.add("line " + (i + 1) + ": " + WHAT + "; got \"" + v + "\"");
        }
      }
    }
    return new Result(new ArrayList<>(zips), problems);
  }

  private static List<String> cells(String line) {
    List<String> out = new ArrayList<>();
    for (String c : line.split("[,;\\t]")) {
      String v = c.strip();
      if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
        v = v.substring(1, v.length() - 1).strip();
      }
      out.add(v);
    }
    return out;
  }
}
