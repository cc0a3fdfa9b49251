package org.alliance.io.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Function;
import org.alliance.core.cohort.Interval;
import org.alliance.core.cohort.Proportion;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.w3c.dom.Element;

class RateChartTest {
  private static final RateChart.Row ALL =
      new RateChart.Row(
          "All clients (n=10)",
          List.of(new Proportion(8, 10), new Proportion(3, 6), new Proportion(1, 10)));
  private static final RateChart.Row EMPTY_RECOVERY =
      new RateChart.Row(
          "dr-b (n=4) *",
          List.of(new Proportion(0, 4), new Proportion(0, 0), new Proportion(4, 4)));

  private static XYSeries series(XYChart chart, String name) {
    return chart.getSeriesCollection().stream()
        .filter(s -> s.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no series " + name));
  }

  @Test
  void drawsEachRateAtItsValueWithItsWilsonInterval() {
    XYChart chart = RateChart.of("Outcomes", List.of(ALL, EMPTY_RECOVERY)).chart(700, 300);

    XYSeries improved = series(chart, "Reliably improved");
    // The first row is drawn at the top (y = 2), offset upwards for the first outcome.
    assertThat(improved.getXData()).containsExactly(80, 0);
    assertThat(improved.getYData()).containsExactly(2.22, 1.22);
    Interval wilson = new Proportion(8, 10).wilson().orElseThrow();
    XYSeries spans = series(chart, "Reliably improved interval");
    assertThat(spans.getXData()[0]).isEqualTo(100 * wilson.lower());
    assertThat(spans.getXData()[1]).isEqualTo(100 * wilson.upper());
    assertThat(spans.getXData()[2]).isNaN();
    assertThat(spans.isShowInLegend()).isFalse();
    // Zero of four: a rate of 0 with an interval from 0.
    assertThat(spans.getXData()[3]).isZero();
  }

  @Test
  void leavesOutARateWithNoOneToCount() {
    XYChart chart = RateChart.of("Outcomes", List.of(ALL, EMPTY_RECOVERY)).chart(700, 300);

    assertThat(series(chart, "Recovered").getXData()).containsExactly(50);
    assertThat(series(chart, "Reliably deteriorated").getXData()).containsExactly(10, 100);
  }

  @Test
  void labelsEveryRowAndNothingElse() {
    XYChart chart = RateChart.of("Outcomes", List.of(ALL, EMPTY_RECOVERY)).chart(700, 300);

    Function<Double, String> labels = chart.getStyler().getYAxisTickLabelsFormattingFunction();
    assertThat(labels.apply(2.0)).isEqualTo("All clients (n=10)");
    assertThat(labels.apply(1.0)).isEqualTo("dr-b (n=4) *");
    // Ticks between and beyond the rows get labels of their own (XChart needs them all different).
    assertThat(List.of(labels.apply(0.0), labels.apply(1.5), labels.apply(3.0)))
        .doesNotContain("All clients (n=10)", "dr-b (n=4) *")
        .doesNotHaveDuplicates();
  }

  @Test
  void writesAccessibleSvgThatNamesEveryRate() {
    RateChart chart = RateChart.of("Outcome rates of PHQ-9", List.of(ALL, EMPTY_RECOVERY));

    Element root = Xml.parse(chart.svg(700, chart.suggestedHeight(700))).getDocumentElement();

    assertThat(root.getAttribute("role")).isEqualTo("img");
    assertThat(
            root.getElementsByTagNameNS("http://www.w3.org/2000/svg", "desc")
                .item(0)
                .getTextContent())
        .contains("All clients (n=10): reliably improved 8/10 = 80.0% (49.0-94.3%)")
        .contains("recovered 0/0 = no clients");
    assertThat(chart.suggestedHeight(700)).isEqualTo(90 + 2 * 46);
  }

  @Test
  void putsTheLegendBelowANarrowChartAndKeepsItsRowsTicks() {
    RateChart chart = RateChart.of("Outcome rates of PHQ-9", List.of(ALL, EMPTY_RECOVERY));

    XYChart narrow = chart.chart(320, chart.suggestedHeight(320));

    assertThat(narrow.getStyler().getLegendPosition()).isEqualTo(LegendPosition.OutsideS);
    // Three outcomes in the legend, a line each, below the plot of two rows.
    assertThat(chart.suggestedHeight(320)).isBetween(90 + 2 * 46 + 3 * 14, 90 + 2 * 46 + 3 * 24);
    // The ticks are spaced for the plot, not for the plot and its legend.
    assertThat(narrow.getStyler().getYAxisTickMarkSpacingHint())
        .isEqualTo(
            chart.chart(700, chart.suggestedHeight(700)).getStyler().getYAxisTickMarkSpacingHint());
    assertThat(narrow.getXAxisTitle()).isEqualTo("Clients (%)");
  }

  @Test
  void needsAProportionPerOutcomeAndARow() {
    assertThatThrownBy(() -> new RateChart.Row("x", List.of(new Proportion(1, 2))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a proportion per outcome");
    assertThatThrownBy(() -> RateChart.of("empty", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
