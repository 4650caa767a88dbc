package org.videoorganizer.daemon.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The test parser is strict: what it accepts in the metrics test is the format, not anything. */
class PrometheusTextTest {

  @Test
  void readsFamiliesLabelsEscapesAndSpecialValues() {
    PrometheusText t = PrometheusText.parse("""
        # HELP a_total things
        # TYPE a_total counter
        a_total{x="1",y="q\\"uo\\\\te\\nd"} 3.0
        a_total{x="2"} 1e3 1700000000000
        # TYPE b gauge
        b NaN
        # TYPE h histogram
        h_bucket{le="+Inf"} 2
        h_count 2
        h_sum 0.5
        """);
    assertThat(t.value("a_total", Map.of("x", "1"))).contains(3.0);
    assertThat(t.samples.getFirst().labels().get("y")).isEqualTo("q\"uo\\te\nd");
    assertThat(t.value("a_total", Map.of("x", "2"))).contains(1000.0);
    assertThat(t.value("b", Map.of())).hasValueSatisfying(v -> assertThat(v).isNaN());
    assertThat(t.types).containsEntry("h", "histogram");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "a 1", // no final line feed
      "a{x=\"1\"} 1\na{x=\"1\"} 2\n", // the same series twice
      "# TYPE a gauge\na 1\nb 1\na{x=\"2\"} 1\n", // a family split
      "# TYPE a gauges\na 1\n", // unknown type
      "a{x=1} 1\n", // unquoted label value
      "a{x=\"1\",x=\"2\"} 1\n", // repeated label
      "a one\n", // not a number
      "1a 1\n", // bad name
      "a 1 2 3\n", // too many fields
      "a 1\n# TYPE a gauge\n", // TYPE after the samples
  })
  void refusesWhatTheFormatDoesNotAllow(String text) {
    assertThatThrownBy(() -> PrometheusText.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }
}
