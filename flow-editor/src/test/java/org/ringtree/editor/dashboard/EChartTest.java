package org.ringtree.editor.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class EChartTest {

  @Test
  void moneyTravelsAsDecimalTextAndRankingsReadTopDown() {
    DashboardPresenter.Chart chart =
        new DashboardPresenter.Chart(
            List.of("Alpha", "Beta"),
            List.of(new DashboardPresenter.Series("Margin (USD)", List.of("0.30", "1234567.10"))),
            List.of("calls?a", "calls?b"));
    ObjectNode bars = EChart.option(chart, EChart.Shape.BARS);
    assertThat(bars.at("/series/0/data/0").asText()).isEqualTo("0.30");
    assertThat(bars.at("/series/0/data/0").isTextual()).isTrue();
    assertThat(bars.at("/series/0/data/1").asText()).isEqualTo("1234567.10");
    assertThat(bars.at("/yAxis/type").asText()).isEqualTo("category");
    assertThat(bars.at("/yAxis/inverse").asBoolean()).isTrue();
    assertThat(bars.at("/animation").asBoolean()).isFalse();
    ObjectNode columns = EChart.option(chart, EChart.Shape.COLUMNS);
    assertThat(columns.at("/xAxis/data/1").asText()).isEqualTo("Beta");
  }
}
