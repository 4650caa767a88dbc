package org.videoorganizer.jellyfin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JellyfinSettingsTest {

  @Test
  void normalizesTheAddressAndKeepsThePathMap() {
    JellyfinSettings s = JellyfinSettings.of(java.net.URI.create("http://jellyfin:8096/jf/"), "abc123")
        .withPathMap(PathMap.parse("/mnt/box/Movies=/media/Movies")).withAnnounceDebounce(Duration.ofMillis(500));

    assertThat(s.baseUrl()).hasToString("http://jellyfin:8096/jf");
    assertThat(s.pathMap().toJellyfin(Path.of("/mnt/box/Movies/a.mkv"))).contains("/media/Movies/a.mkv");
    assertThat(s.announceMaxDelay()).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void rejectsAUrlThatIsNotHttp() {
    assertThatThrownBy(() -> JellyfinSettings.of(java.net.URI.create("ftp://j"), "k"))
        .hasMessageContaining("ftp://j");
  }

  @Test
  void rejectsAKeyThatWouldBreakTheAuthorizationHeader() {
    assertThatThrownBy(() -> JellyfinSettings.of(java.net.URI.create("http://j"), "ab\"c"))
        .hasMessageContaining("VORG_JELLYFIN_API_KEY");
  }

  @Test
  void neverPrintsTheKey() {
    assertThat(JellyfinSettings.of(java.net.URI.create("http://j"), "supersecretkey").toString())
        .doesNotContain("supersecretkey");
  }

  @Test
  void webhookSecretMustBeLongEnoughAndIsNeverPrinted() {
    assertThatThrownBy(() -> WebhookSettings.of("short"))
        .hasMessageContaining("VORG_JELLYFIN_WEBHOOK_SECRET").hasMessageContaining("16");
    assertThat(WebhookSettings.of("a-long-enough-secret").toString()).doesNotContain("a-long-enough-secret");
  }
}
