package org.videoorganizer.jellyfin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JellyfinSettingsTest {

  @TempDir Path dir;

  @Test
  void withoutAUrlJellyfinIsNotUsed() {
    assertThat(JellyfinSettings.fromEnvironment(Map.of())).isEmpty();
  }

  @Test
  void readsUrlKeyPathMapAndTimings() {
    JellyfinSettings s = JellyfinSettings.fromEnvironment(Map.of(
        "VORG_JELLYFIN_URL", "http://jellyfin:8096/jf/",
        "VORG_JELLYFIN_API_KEY", "abc123",
        "VORG_JELLYFIN_PATH_MAP", "/mnt/box/Movies=/media/Movies",
        "VORG_JELLYFIN_ANNOUNCE_DEBOUNCE", "500ms",
        "VORG_JELLYFIN_WEBHOOK_WAIT", "PT90S")).orElseThrow();

    assertThat(s.baseUrl()).hasToString("http://jellyfin:8096/jf");
    assertThat(s.apiKey()).isEqualTo("abc123");
    assertThat(s.pathMap().toJellyfin(Path.of("/mnt/box/Movies/a.mkv"))).contains("/media/Movies/a.mkv");
    assertThat(s.announceDebounce()).isEqualTo(Duration.ofMillis(500));
    assertThat(s.webhookWait()).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void readsTheKeyFromAFile() throws Exception {
    Path keyFile = Files.writeString(dir.resolve("key"), "filekey\n");

    JellyfinSettings s = JellyfinSettings.fromEnvironment(Map.of("VORG_JELLYFIN_URL", "http://j:8096",
        "VORG_JELLYFIN_API_KEY_FILE", keyFile.toString())).orElseThrow();

    assertThat(s.apiKey()).isEqualTo("filekey");
  }

  @Test
  void aUrlWithoutAKeyNamesTheMissingVariable() {
    assertThatThrownBy(() -> JellyfinSettings.fromEnvironment(Map.of("VORG_JELLYFIN_URL", "http://j:8096")))
        .hasMessageContaining("VORG_JELLYFIN_API_KEY");
  }

  @Test
  void anUnreadableKeyFileIsNamed() {
    assertThatThrownBy(() -> JellyfinSettings.fromEnvironment(Map.of("VORG_JELLYFIN_URL", "http://j:8096",
        "VORG_JELLYFIN_API_KEY_FILE", dir.resolve("nope").toString())))
        .hasMessageContaining("VORG_JELLYFIN_API_KEY_FILE").hasMessageContaining("nope");
  }

  @Test
  void aMalformedDurationNamesTheVariableAndValue() {
    assertThatThrownBy(() -> JellyfinSettings.fromEnvironment(Map.of("VORG_JELLYFIN_URL", "http://j:8096",
        "VORG_JELLYFIN_API_KEY", "k", "VORG_JELLYFIN_GIVE_UP_AFTER", "soon")))
        .hasMessageContaining("VORG_JELLYFIN_GIVE_UP_AFTER").hasMessageContaining("'soon'");
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
    assertThatThrownBy(() -> WebhookSettings.fromEnvironment(Map.of("VORG_JELLYFIN_WEBHOOK_SECRET", "short")))
        .hasMessageContaining("VORG_JELLYFIN_WEBHOOK_SECRET").hasMessageContaining("16");
    WebhookSettings w = WebhookSettings.fromEnvironment(
        Map.of("VORG_JELLYFIN_WEBHOOK_SECRET", "a-long-enough-secret")).orElseThrow();
    assertThat(w.toString()).doesNotContain("a-long-enough-secret");
    assertThat(WebhookSettings.fromEnvironment(Map.of())).isEmpty();
  }
}
