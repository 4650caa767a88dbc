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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.config.VorgConfig.RemoteSourceConfig;
import org.videoorganizer.config.VorgConfig.SourceConfig;

class RemoteSourcesTest {

  @TempDir Path dir;
  private final Map<String, String> env = new HashMap<>(Map.of("HOME", "/home/ann"));

  private VorgConfig load(String yaml) throws IOException {
    Path file = dir.resolve("vorg.yaml");
    Files.writeString(file, yaml);
    return ConfigLoader.load(Optional.of(file), env);
  }

  private VorgConfig withRemote(String entry) throws IOException {
    return load("sources:\n  - {name: downloads, path: /srv/inbox}\n  - {name: gdrive, " + entry + "}\nlibrary: /srv/media\n");
  }

  @Test
  void aRemoteSourceIsAlsoAFolderSourceOnItsStagingFolder() throws IOException {
    VorgConfig c = load("""
        sources:
          - {name: downloads, path: /srv/inbox}
          - {name: gdrive, remote: "gdrive:Videos", schedule: "every 30m", settle: 2m, delete_originals: true}
        library: /srv/media
        data_dir: /var/lib/vorg
        rclone: {config: ~/.config/rclone/rclone.conf, bwlimit: 10M, transfers: 2}
        """);
    assertThat(c.sources()).extracting(SourceConfig::path)
        .containsExactly(Path.of("/srv/inbox"), Path.of("/var/lib/vorg/staging/gdrive"));
    assertThat(c.rclone().remoteSources()).containsExactly(
        new RemoteSourceConfig("gdrive", "gdrive:Videos", Duration.ofMinutes(30), Duration.ofMinutes(2), true));
    assertThat(c.rclone().configFile()).contains(Path.of("/home/ann/.config/rclone/rclone.conf"));
    assertThat(c.rclone().bwlimit()).contains("10M");
    assertThat(c.rclone().transfers()).isEqualTo(2);
    assertThat(c.rclone().isRemote("gdrive")).isTrue();
    assertThat(c.rclone().isRemote("downloads")).isFalse();
  }

  @Test
  void aRemoteSourceDefaultsToHourlyFiveMinutesSettleAndKeepingOriginals() throws IOException {
    VorgConfig c = withRemote("remote: 'od:'");
    assertThat(c.rclone().remoteSources()).containsExactly(
        new RemoteSourceConfig("gdrive", "od:", Duration.ofHours(1), Duration.ofMinutes(5), false));
    assertThat(c.rclone().binary()).isEqualTo("rclone");
    assertThat(c.rclone().configFile()).isEmpty();
    assertThat(c.rclone().bwlimit()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"hourly, PT1H", "daily, PT24H", "every 30m, PT30M", "Every 2h, PT2H", "every 1m, PT1M"})
  void schedulesAreHourlyDailyOrEveryADuration(String schedule, String every) throws IOException {
    VorgConfig c = withRemote("remote: 'gdrive:Videos', schedule: '" + schedule + "'");
    assertThat(c.rclone().remoteSources().getFirst().every()).isEqualTo(Duration.parse(every));
  }

  @ParameterizedTest
  @ValueSource(strings = {"weekly", "every", "every 30s", "0 * * * *", "30m", "every -5m"})
  void anUnknownScheduleNamesTheKeyAndTheChoices(String schedule) {
    assertThatThrownBy(() -> withRemote("remote: 'gdrive:Videos', schedule: '" + schedule + "'"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("sources[1].schedule").hasMessageContaining("hourly, daily, or every <duration>");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Videos", "/srv/videos", ":sftp,host=example.com:videos", "gdrive,shared_with_me=true:x",
      "-gdrive:x", "gdrive :x"})
  void aRemoteThatIsNotNameColonPathIsRefused(String remote) {
    assertThatThrownBy(() -> withRemote("remote: '" + remote + "'"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("sources[1].remote").hasMessageContaining("rclone listremotes");
  }

  @Test
  void aRemoteSourceHasNoPathAndNoMarker() {
    assertThatThrownBy(() -> withRemote("remote: 'gdrive:x', path: /srv/x"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("sources[1].path");
    assertThatThrownBy(() -> withRemote("remote: 'gdrive:x', marker: .m"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("sources[1].marker");
  }

  @Test
  void aFolderSourceRefusesTheRemoteOnlyKeys() {
    assertThatThrownBy(() -> load("sources: [{name: a, path: /srv/a, schedule: hourly}]\nlibrary: /srv/media\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("sources[0].schedule");
  }

  @Test
  void aLibraryOnARemoteIsOrganizedIntoAStagingTreeUnderDataDir() throws IOException {
    VorgConfig c = load("sources: [{name: a, path: /srv/a}]\nlibrary: 'storagebox:media'\ndata_dir: /var/lib/vorg\n");
    assertThat(c.rclone().remoteLibrary()).contains("storagebox:media");
    assertThat(c.library()).isEqualTo(Path.of("/var/lib/vorg/library-staging"));
    assertThat(c.rclone().needed()).isTrue();
  }

  @Test
  void aFolderLibraryHasNoRemote() throws IOException {
    VorgConfig c = load("sources: [{name: a, path: /srv/a}]\nlibrary: /srv/media\n");
    assertThat(c.rclone().remoteLibrary()).isEmpty();
    assertThat(c.rclone().needed()).isFalse();
  }

  @Test
  void aLibraryOnARemoteRefusesAMountMarker() {
    assertThatThrownBy(() -> load("sources: [{name: a, path: /srv/a}]\nlibrary: 'storagebox:media'\nlibrary_marker: .m\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("library_marker").hasMessageContaining("remove");
  }

  @Test
  void aBandwidthLimitRcloneWouldRefuseIsRefusedHere() {
    assertThatThrownBy(() -> load("sources: [{name: a, path: /srv/a}]\nlibrary: /srv/media\nrclone: {bwlimit: fast}\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("rclone.bwlimit");
  }

  @Test
  void theEnvironmentAddsRemoteSourcesAndRcloneSettings() throws IOException {
    env.put("VORG_SOURCES", "in=/srv/in,gdrive=gdrive:Videos");
    env.put("VORG_RCLONE_TRANSFERS", "8");
    env.put("VORG_RCLONE_BINARY", "/opt/rclone/rclone");
    VorgConfig c = load("library: /srv/media\n");
    assertThat(c.sources()).extracting(SourceConfig::name).containsExactly("in", "gdrive");
    assertThat(c.rclone().remoteSources()).extracting(RemoteSourceConfig::remote).containsExactly("gdrive:Videos");
    assertThat(c.rclone().transfers()).isEqualTo(8);
    assertThat(c.rclone().binary()).isEqualTo("/opt/rclone/rclone");
  }

  @Test
  void onlyARemoteSourceIsEnough() throws IOException {
    VorgConfig c = load("sources: [{name: gdrive, remote: 'gdrive:'}]\nlibrary: /srv/media\n");
    assertThat(c.sources()).hasSize(1);
  }

  @Test
  void twoSourcesCannotShareANameEvenWhenOneIsRemote() {
    assertThatThrownBy(() -> load("sources: [{name: a, path: /srv/a}, {name: a, remote: 'gdrive:'}]\nlibrary: /srv/media\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("sources[1].name");
  }
}
