package org.ringtree.runtime.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;

/** The portal's CSV rows: cells spreadsheets read back exactly and never run as formulas. */
final class PortalCsv {

  private PortalCsv() {}

  static void line(Writer out, List<?> cells) {
    try {
      for (int i = 0; i < cells.size(); i++) {
        if (i > 0) {
          out.write(',');
        }
        out.write(cell(cells.get(i)));
      }
      out.write("\r\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String v = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    String raw = v;
    // a leading = + - @ would make Excel or Sheets evaluate the cell (CSV injection)
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !(value instanceof BigDecimal)) {
      v = "'" + v;
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || !v.equals(raw)) {
      return "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }
}
