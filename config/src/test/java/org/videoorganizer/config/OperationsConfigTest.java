package org.videoorganizer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperationsConfigTest {

  private static final String MINIMAL = "sources: [{name: downloads, path: /srv/inbox}]\nlibrary: /srv/media\n";

  @TempDir Path dir;
  private final Map<String, String> env = new HashMap<>(Map.of("HOME", "/home/ann"));

  private VorgConfig load(String yaml) throws IOException {
    Path file = dir.resolve("vorg.yaml");
    Files.writeString(file, yaml);
    return ConfigLoader.load(Optional.of(file), env);
  }

  @Test
  void withoutTheSectionsMetricsNeedTheTokenNothingIsScheduledAndNoAlertIsSent() throws IOException {
    VorgConfig c = load(MINIMAL);
    assertThat(c.metrics().openOnLoopback()).isFalse();
    assertThat(c.backup().dir()).isEmpty();
    assertThat(c.backup().keep()).isEqualTo(7);
    assertThat(c.alerts().url()).isEmpty();
    assertThat(c.alerts().rateLimit()).isEqualTo(Duration.ofHours(6));
  }

  @Test
  void theSectionsAreRead() throws IOException {
    env.put("VORG_ALERTS_URL", "http://127.0.0.1:9/topic");
    VorgConfig c = load(MINIMAL + "metrics: {open_on_loopback: true}\nbackup: {dir: ~/backups, every: 12h, keep: 3}\n"
        + "alerts: {template: ntfy, unreachable_for: 5m, failures_above: 2, review_above: 3, rate_limit: 1h}\n");
    assertThat(c.metrics().openOnLoopback()).isTrue();
    assertThat(c.backup().dir()).contains(Path.of("/home/ann/backups"));
    assertThat(c.backup().every()).isEqualTo(Duration.ofHours(12));
    assertThat(c.alerts().url().orElseThrow().reveal()).isEqualTo("http://127.0.0.1:9/topic");
    assertThat(c.alerts().template()).isEqualTo("ntfy");
    assertThat(c.alerts().failuresAbove()).isEqualTo(2);
  }

  @Test
  void anUnknownTemplateIsNamedWithTheKnownOnes() {
    assertThatThrownBy(() -> load(MINIMAL + "alerts: {template: slack}\n"))
        .hasMessageContaining("alerts.template").hasMessageContaining("slack").hasMessageContaining("discord");
  }

  @Test
  void theAlertAddressIsASecretAndRefusedInTheFile() {
    assertThatThrownBy(() -> load(MINIMAL + "alerts: {url: https://ntfy.sh/x}\n"))
        .hasMessageContaining("VORG_ALERTS_URL").hasMessageNotContaining("ntfy.sh/x");
  }

  @Test
  void anAlertAddressThatIsNoUrlIsRefusedWithoutShowingIt() {
    env.put("VORG_ALERTS_URL", "ntfy.sh/secret-topic");
    assertThatThrownBy(() -> load(MINIMAL)).hasMessageContaining("VORG_ALERTS_URL").hasMessageNotContaining("secret-topic");
  }
}
