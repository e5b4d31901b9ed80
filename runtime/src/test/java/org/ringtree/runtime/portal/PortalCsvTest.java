package org.ringtree.runtime.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PortalCsvTest {

  @Test
  void moneyIsWrittenExactlyAndNegativeAmountsAreNotTakenForFormulas() {
    StringWriter out = new StringWriter();
    PortalCsv.line(out, Arrays.asList("CA1", new BigDecimal("-20.05"), null, true));

    assertThat(out.toString()).isEqualTo("CA1,-20.05,,true\r\n");
  }

  @Test
  void aCellThatASpreadsheetWouldRunIsQuotedAsText() {
    assertThat(PortalCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(PortalCsv.cell("Acme, Inc.")).isEqualTo("\"Acme, Inc.\"");
  }
}
