package org.videoorganizer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.videoorganizer.config.VorgConfig.TmdbConfig;

/**
 * One order everywhere: defaults, then the YAML file, then {@code VORG_*} variables; secrets only
 * from {@code NAME} or an owner-only {@code NAME_FILE}. The daemon ({@link ConfigLoader#load}) and
 * the one-shot commands ({@link ConfigLoader#tmdb}) read TMDB the same way.
 */
class PrecedenceTest {

  @TempDir Path dir;
  private final Map<String, String> env = new HashMap<>(Map.of("HOME", "/home/ann"));

  private static final String DAEMON = "sources: [{name: downloads, path: /srv/inbox}]\nlibrary: /srv/media\n";
  private static final String TMDB = "tmdb:\n  base_url: http://127.0.0.1:9/\n  language: de-DE\n  min_confidence: 0.9\n";

  private Path file(String yaml) throws IOException {
    return Files.writeString(dir.resolve("vorg.yaml"), yaml);
  }

  private Path secretFile(String name, String value, String mode) throws IOException {
    Path f = Files.writeString(dir.resolve(name), value + "\n");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));
    return f;
  }

  @Test
  void defaultsApplyWithoutFileOrVariables() {
    TmdbConfig t = ConfigLoader.tmdb(Optional.empty(), env);
    assertThat(t.baseUrl()).isEqualTo("https://api.themoviedb.org");
    assertThat(t.language()).isEqualTo("en-US");
    assertThat(t.minConfidence()).isEqualTo(0.8);
    assertThat(t.hasCredentials()).isFalse();
  }

  @Test
  void theFileOverridesDefaultsAndTheEnvironmentOverridesTheFile() throws IOException {
    Path f = file(DAEMON + TMDB);
    assertThat(ConfigLoader.tmdb(Optional.of(f), env).language()).isEqualTo("de-DE");
    env.put("VORG_TMDB_LANGUAGE", "fr-FR");
    env.put("VORG_TMDB_MIN_CONFIDENCE", "0.7");
    TmdbConfig cli = ConfigLoader.tmdb(Optional.of(f), env);
    TmdbConfig daemon = ConfigLoader.load(Optional.of(f), env).tmdb();
    for (TmdbConfig t : new TmdbConfig[] {cli, daemon}) {
      assertThat(t.language()).isEqualTo("fr-FR");
      assertThat(t.minConfidence()).isEqualTo(0.7);
      assertThat(t.baseUrl()).isEqualTo("http://127.0.0.1:9"); // from the file, the trailing slash dropped
    }
  }

  @Test
  void theCommandsAndTheDaemonReadTheSameTmdbSettingsWithSecretsFromFiles() throws IOException {
    Path f = file(DAEMON + TMDB);
    env.put("VORG_TMDB_API_KEY_FILE", secretFile("key", "key-from-file", "rw-------").toString());
    env.put("VORG_TMDB_TOKEN_FILE", secretFile("token", "token-from-file", "r--------").toString());
    env.put("VORG_TMDB_LANGUAGE", "pt-BR");

    TmdbConfig cli = ConfigLoader.tmdb(Optional.of(f), env);
    TmdbConfig daemon = ConfigLoader.load(Optional.of(f), env).tmdb();

    assertThat(cli).isEqualTo(daemon);
    assertThat(cli.apiKey().orElseThrow().reveal()).isEqualTo("key-from-file");
    assertThat(cli.token().orElseThrow().reveal()).isEqualTo("token-from-file");
    assertThat(cli.toString()).doesNotContain("key-from-file", "token-from-file");
  }

  @Test
  void jellyfinKeyAndWebhookSecretComeFromOwnerOnlyFiles() throws IOException {
    Path f = file(DAEMON + "jellyfin: {url: 'http://127.0.0.1:8096/'}\n");
    env.put("VORG_JELLYFIN_API_KEY_FILE", secretFile("jf.key", "jellyfin-key", "rw-------").toString());
    env.put("VORG_JELLYFIN_WEBHOOK_SECRET_FILE", secretFile("jf.hook", "a-webhook-secret-of-24ch", "rw-------").toString());
    var jellyfin = ConfigLoader.load(Optional.of(f), env).jellyfin().orElseThrow();
    assertThat(jellyfin.url()).isEqualTo("http://127.0.0.1:8096");
    assertThat(jellyfin.apiKey().reveal()).isEqualTo("jellyfin-key");
    assertThat(jellyfin.webhookSecret().orElseThrow().reveal()).isEqualTo("a-webhook-secret-of-24ch");
  }

  @Test
  void jellyfinVariablesOverrideTheFileKeyByKey() throws IOException {
    Path f = file(DAEMON + "jellyfin: {url: 'http://file:8096', path_map: /srv/media=/media, give_up_after: 1h}\n");
    env.put("VORG_JELLYFIN_API_KEY", "jellyfin-key");
    env.put("VORG_JELLYFIN_URL", "http://env:8096");
    env.put("VORG_JELLYFIN_PATH_MAP", "/srv/media=/data");
    var jellyfin = ConfigLoader.load(Optional.of(f), env).jellyfin().orElseThrow();
    assertThat(jellyfin.url()).isEqualTo("http://env:8096");
    assertThat(jellyfin.pathMap()).isEqualTo("/srv/media=/data");
    assertThat(jellyfin.giveUpAfter()).isEqualTo(java.time.Duration.ofHours(1));
    env.put("VORG_JELLYFIN_GIVE_UP_AFTER", "soon");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(f), env)).hasMessageStartingWith("jellyfin.give_up_after: 'soon'");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"rw-r-----", "rw----r--", "rw-rw-rw-", "r--r--r--", "rw--w----"})
  void aSecretFileOpenToGroupOrOthersIsRefusedWithTheModeAndTheFix(String mode) throws IOException {
    Path secret = secretFile("token", "t", mode);
    env.put("VORG_TMDB_TOKEN_FILE", secret.toString());
    for (var reader : readers()) {
      assertThatThrownBy(() -> reader.read(file(DAEMON)))
          .isInstanceOf(ConfigException.class)
          .hasMessageStartingWith("VORG_TMDB_TOKEN_FILE: '" + secret + " (" + mode + ", open to group or others)'")
          .hasMessageEndingWith("expected a file only its owner can read or write: chmod 600 " + secret)
          .hasMessageNotContaining("'t'");
    }
  }

  @Test
  void aJellyfinKeyFileOpenToOthersIsRefusedToo() throws IOException {
    Path f = file(DAEMON + "jellyfin: {url: 'http://127.0.0.1:8096'}\n");
    env.put("VORG_JELLYFIN_API_KEY_FILE", secretFile("jf.key", "k", "rw-r--r--").toString());
    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(f), env))
        .hasMessageContaining("VORG_JELLYFIN_API_KEY_FILE").hasMessageContaining("chmod 600");
  }

  @Test
  void vorgReviewReadsTheDaemonTokenAsTheDaemonDoes() throws IOException {
    var env = new java.util.HashMap<String, String>();
    env.put("VORG_HTTP_TOKEN_FILE", secretFile("http", "a-token-of-more-than-16", "rw-------").toString());
    assertThat(ConfigLoader.httpToken(env).orElseThrow().reveal()).isEqualTo("a-token-of-more-than-16");
    env.put("VORG_HTTP_TOKEN_FILE", secretFile("http-open", "a-token-of-more-than-16", "rw-r--r--").toString());
    assertThatThrownBy(() -> ConfigLoader.httpToken(env)).hasMessageContaining("VORG_HTTP_TOKEN_FILE")
        .hasMessageContaining("chmod 600");
  }

  @Test
  void aVariableAndItsFileTogetherAreRefused() throws IOException {
    env.put("VORG_TMDB_API_KEY", "k");
    env.put("VORG_TMDB_API_KEY_FILE", secretFile("key", "k", "rw-------").toString());
    for (var reader : readers()) {
      assertThatThrownBy(() -> reader.read(file(DAEMON)))
          .hasMessageContaining("either VORG_TMDB_API_KEY or VORG_TMDB_API_KEY_FILE, not both");
    }
  }

  @Test
  void aMissingSecretFileIsNamed() throws IOException {
    env.put("VORG_TMDB_API_KEY_FILE", dir.resolve("absent").toString());
    for (var reader : readers()) {
      assertThatThrownBy(() -> reader.read(file(DAEMON)))
          .hasMessageContaining("VORG_TMDB_API_KEY_FILE").hasMessageContaining("absent");
    }
  }

  @Test
  void theCommandsLookOnlyAtTheTmdbPartButStillRefuseUnknownTopLevelKeys() throws IOException {
    env.put("VORG_SOURCES", "not-a-source-list");
    env.put("VORG_HTTP_PORT", "not-a-port");
    assertThat(ConfigLoader.tmdb(Optional.empty(), env).hasCredentials()).isFalse();
    assertThatThrownBy(() -> ConfigLoader.tmdb(Optional.of(file("tmbd: {language: de-DE}\n")), env))
        .hasMessageContaining("tmbd");
    assertThatThrownBy(() -> ConfigLoader.tmdb(Optional.of(file("tmdb: {api_key: abc}\n")), env))
        .hasMessageContaining("VORG_TMDB_API_KEY_FILE").hasMessageNotContaining("abc");
  }

  private interface Reader {
    Object read(Path file);
  }

  // The daemon's reader and the commands' reader, for rules both must keep.
  private Reader[] readers() {
    return new Reader[] {f -> ConfigLoader.load(Optional.of(f), env), f -> ConfigLoader.tmdb(Optional.of(f), env)};
  }
}
