package org.ringtree.runtime.audit;

/** CSV cells that spreadsheets read back exactly and never run as formulas. */
final class Csv {
  private Csv() {}

  static String cell(String value) {
    if (value == null) {
      return "";
    }
    String v = value;
    // a leading = + - @ would make Excel or Sheets evaluate the cell (CSV injection)
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.contains(",")
        || v.contains("\"")
        || v.contains("\n")
        || v.contains("\r")
        || !v.equals(value)) {
      return "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }
}
