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
import org.videoorganizer.config.VorgConfig.TransferMode;

class ConfigLoaderTest {

  @TempDir Path dir;
  private final Map<String, String> env = new HashMap<>(Map.of("HOME", "/home/ann"));

  private VorgConfig load(String yaml) throws IOException {
    Path file = dir.resolve("vorg.yaml");
    Files.writeString(file, yaml);
    return ConfigLoader.load(Optional.of(file), env);
  }

  private static final String MINIMAL = "sources: [{name: downloads, path: /srv/inbox}]\nlibrary: /srv/media\n";

  @Test
  void minimalFileGetsTheDocumentedDefaults() throws IOException {
    VorgConfig c = load(MINIMAL);
    assertThat(c.sources()).singleElement().satisfies(s -> {
      assertThat(s.name()).isEqualTo("downloads");
      assertThat(s.path()).isEqualTo(Path.of("/srv/inbox"));
    });
    assertThat(c.mode()).isEqualTo(TransferMode.MOVE);
    assertThat(c.database()).isEmpty();
    assertThat(c.redis()).isEmpty();
    assertThat(c.http().host()).isEqualTo("127.0.0.1");
    assertThat(c.http().port()).isEqualTo(8686);
    assertThat(c.dataDir()).isEqualTo(Path.of("/home/ann/.local/share/vorg"));
    assertThat(c.ingest().stableSeconds()).isEqualTo(10);
    assertThat(c.ingest().maxUnstable()).isEqualTo(java.time.Duration.ofHours(6));
    assertThat(c.workers().leaseSeconds()).isEqualTo(60);
    assertThat(c.tmdb().apiKey()).isEmpty();
  }

  @Test
  void theExampleFileLoadsAsTheEmbeddedDefaultAndDocumentsEveryKey() throws IOException {
    Path example = Path.of("vorg.example.yaml");
    VorgConfig c = ConfigLoader.load(Optional.of(example), env);
    // Copied as it is, the example must run on the embedded PostgreSQL and in-process dispatch.
    assertThat(c.database()).isEmpty();
    assertThat(c.redis()).isEmpty();
    String text = Files.readString(example);
    for (String key : ConfigLoader.knownKeys()) {
      String leaf = key.substring(key.lastIndexOf('.') + 1);
      assertThat(text).as("example documents %s", key).containsPattern("(?m)^\\s*" + leaf + ":");
    }
    assertThat(text).contains("VORG_TMDB_API_KEY_FILE", "VORG_DATABASE_PASSWORD_FILE", "VORG_HTTP_TOKEN_FILE");
  }

  @Test
  void theWebhookWaitOutlastsThePluginHoldingItemAddedByDefault() throws IOException {
    env.put("VORG_JELLYFIN_API_KEY", "jf-key-0123456789abcdef");
    VorgConfig c = load(MINIMAL + "jellyfin: {url: 'http://jf:8096'}\n");
    assertThat(c.jellyfin()).hasValueSatisfying(j -> assertThat(j.webhookWait()).isEqualTo(java.time.Duration.ofMinutes(7)));
  }

  @Test
  void environmentOverridesTheFile() throws IOException {
    env.put("VORG_HTTP_PORT", "9000");
    env.put("VORG_DATABASE_URL", "postgresql://vorg@db.local:5432/vorg");
    env.put("VORG_SOURCES", "a=/in/a, b=/in/b");
    env.put("VORG_MODE", "hardlink");
    VorgConfig c = load(MINIMAL);
    assertThat(c.http().port()).isEqualTo(9000);
    assertThat(c.database()).hasValueSatisfying(d -> assertThat(d.url()).contains("db.local"));
    assertThat(c.sources()).extracting(VorgConfig.SourceConfig::name).containsExactly("a", "b");
    assertThat(c.mode()).isEqualTo(TransferMode.HARDLINK);
  }

  @Test
  void theUnstableLimitIsReadInMinutesFromTheFileOrTheEnvironment() throws IOException {
    assertThat(load(MINIMAL + "ingest: {max_unstable_minutes: 90}\n").ingest().maxUnstable())
        .isEqualTo(java.time.Duration.ofMinutes(90));
    assertThatThrownBy(() -> load(MINIMAL + "ingest: {max_unstable_minutes: 0}\n"))
        .hasMessage("ingest.max_unstable_minutes: '0' is not valid; expected a whole number from 1 to 525600");
    env.put("VORG_INGEST_MAX_UNSTABLE_MINUTES", "2");
    assertThat(load(MINIMAL).ingest().maxUnstable()).isEqualTo(java.time.Duration.ofMinutes(2));
  }

  @Test
  void noFileAtAllWorksFromTheEnvironment() {
    env.put("VORG_SOURCES", "in=/in");
    env.put("VORG_LIBRARY", "/lib");
    VorgConfig c = ConfigLoader.load(Optional.empty(), env);
    assertThat(c.library()).isEqualTo(Path.of("/lib"));
  }

  @Test
  void secretComesFromTheEnvironmentAndNeverPrints() throws IOException {
    env.put("VORG_TMDB_API_KEY", "abc123");
    VorgConfig c = load(MINIMAL);
    assertThat(c.tmdb().apiKey()).hasValueSatisfying(k -> assertThat(k.reveal()).isEqualTo("abc123"));
    assertThat(c.toString()).doesNotContain("abc123");
  }

  @Test
  void aTmdbReadAccessTokenIsAnotherWayIn() throws IOException {
    env.put("VORG_TMDB_TOKEN", "eyJhbGciOiJIUzI1NiJ9.token.sig");
    VorgConfig c = load(MINIMAL);
    assertThat(c.tmdb().apiKey()).isEmpty();
    assertThat(c.tmdb().hasCredentials()).isTrue();
    assertThat(c.toString()).doesNotContain("eyJhbGciOiJIUzI1NiJ9");
    assertThatThrownBy(() -> load(MINIMAL + "tmdb: {token: abc}\n")).hasMessageContaining("VORG_TMDB_TOKEN_FILE");
  }

  @Test
  void secretComesFromAnOwnerOnlyFile() throws IOException {
    Path secret = dir.resolve("tmdb.key");
    Files.writeString(secret, "from-file\n");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
    env.put("VORG_TMDB_API_KEY_FILE", secret.toString());
    assertThat(load(MINIMAL).tmdb().apiKey().orElseThrow().reveal()).isEqualTo("from-file");
  }

  @Test
  void secretFileReadableByOthersIsRefused() throws IOException {
    Path secret = dir.resolve("tmdb.key");
    Files.writeString(secret, "k");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
    env.put("VORG_TMDB_API_KEY_FILE", secret.toString());
    assertThatThrownBy(() -> load(MINIMAL)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("VORG_TMDB_API_KEY_FILE").hasMessageContaining("chmod 600");
  }

  @Test
  void secretInTheFileIsRefusedWithoutEchoingIt() {
    assertThatThrownBy(() -> load(MINIMAL + "tmdb: {api_key: s3cret}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("tmdb.api_key").hasMessageContaining("VORG_TMDB_API_KEY")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void passwordInTheDatabaseUrlIsRefused() {
    assertThatThrownBy(() -> load(MINIMAL + "database: {url: 'postgresql://u:pw@h:5432/d'}\n"))
        .hasMessageContaining("database.url").hasMessageNotContaining("pw@");
  }

  @Test
  void errorsNameTheKeyTheValueAndTheExpectation() {
    assertThatThrownBy(() -> load(MINIMAL + "http: {port: 70000}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("http.port: '70000' is not valid; expected a whole number from 0 to 65535");
    assertThatThrownBy(() -> load(MINIMAL + "mode: teleport\n"))
        .hasMessage("mode: 'teleport' is not valid; expected move, copy or hardlink");
    assertThatThrownBy(() -> load(MINIMAL + "workers: {concurrency: many}\n"))
        .hasMessageStartingWith("workers.concurrency: 'many'");
  }

  @Test
  void unknownKeyIsAnErrorNotASilentDefault() {
    assertThatThrownBy(() -> load(MINIMAL + "http: {prot: 1}\n"))
        .hasMessageStartingWith("http.prot: 'prot' is not valid; expected one of the known keys");
  }

  @Test
  void missingSourcesAndLibraryAreNamed() {
    assertThatThrownBy(() -> load("library: /srv/media\n")).hasMessageStartingWith("sources:");
    assertThatThrownBy(() -> load("sources: [{name: a, path: /in}]\n")).hasMessageStartingWith("library:");
  }

  @Test
  void relativePathsAndBadNamesAreRefused() {
    assertThatThrownBy(() -> load("sources: [{name: a, path: in}]\nlibrary: /lib\n"))
        .hasMessageStartingWith("sources[0].path: 'in'");
    assertThatThrownBy(() -> load("sources: [{name: 'My Stuff', path: /in}]\nlibrary: /lib\n"))
        .hasMessageStartingWith("sources[0].name: 'My Stuff'");
  }

  @Test
  void libraryInsideASourceIsRefused() {
    assertThatThrownBy(() -> load("sources: [{name: a, path: /srv}]\nlibrary: /srv/media\n"))
        .hasMessageStartingWith("sources[0].path: '/srv'").hasMessageContaining("library");
  }

  @Test
  void duplicateSourceNamesAreRefused() {
    assertThatThrownBy(() -> load("sources: [{name: a, path: /x}, {name: a, path: /y}]\nlibrary: /lib\n"))
        .hasMessageStartingWith("sources[1].name: 'a'");
  }

  @Test
  void nonLoopbackHttpIsRefusedWithoutAToken() {
    assertThatThrownBy(() -> load(MINIMAL + "http: {host: 0.0.0.0}\n"))
        .hasMessageStartingWith("http.host: '0.0.0.0'").hasMessageContaining("loopback").hasMessageContaining("VORG_HTTP_TOKEN");
  }

  @Test
  void nonLoopbackHttpIsAllowedWithATokenThatNeverPrints() throws IOException {
    env.put("VORG_HTTP_TOKEN", "s3cret-token-of-some-length");
    VorgConfig c = load(MINIMAL + "http: {host: 0.0.0.0}\n");
    assertThat(c.http().host()).isEqualTo("0.0.0.0");
    assertThat(c.http().token()).hasValueSatisfying(t -> assertThat(t.reveal()).isEqualTo("s3cret-token-of-some-length"));
    assertThat(c.toString()).doesNotContain("s3cret-token-of-some-length");
  }

  @Test
  void jellyfinComesFromTheFileWithItsKeyFromTheEnvironment() throws IOException {
    env.put("VORG_JELLYFIN_API_KEY", "jf-key-0123456789abcdef");
    env.put("VORG_JELLYFIN_WEBHOOK_WAIT", "45s");
    VorgConfig c = load(MINIMAL + "jellyfin: {url: 'http://jf.local:8096/', path_map: /srv/media=/media, announce_debounce: 500ms}\n");
    VorgConfig.JellyfinConfig j = c.jellyfin().orElseThrow();
    assertThat(j.url()).isEqualTo("http://jf.local:8096");
    assertThat(j.pathMap()).isEqualTo("/srv/media=/media");
    assertThat(j.announceDebounce()).isEqualTo(java.time.Duration.ofMillis(500));
    assertThat(j.webhookWait()).as("the variable wins").isEqualTo(java.time.Duration.ofSeconds(45));
    assertThat(j.giveUpAfter()).as("the default").isEqualTo(java.time.Duration.ofMinutes(30));
    assertThat(j.webhookSecret()).isEmpty();
    assertThat(c.toString()).doesNotContain("jf-key-0123456789abcdef");
  }

  @Test
  void noJellyfinUrlMeansNoJellyfin() throws IOException {
    assertThat(load(MINIMAL).jellyfin()).isEmpty();
    assertThat(load(MINIMAL + "jellyfin: {url: ''}\n").jellyfin()).isEmpty();
  }

  @Test
  void jellyfinMistakesNameTheKey() {
    assertThatThrownBy(() -> load(MINIMAL + "jellyfin: {url: 'http://jf:8096'}\n"))
        .hasMessageStartingWith("VORG_JELLYFIN_API_KEY").hasMessageContaining("jellyfin.url is set");
    env.put("VORG_JELLYFIN_API_KEY", "jf-key-0123456789abcdef");
    assertThatThrownBy(() -> load(MINIMAL + "jellyfin: {url: 'ftp://jf'}\n")).hasMessageStartingWith("jellyfin.url");
    assertThatThrownBy(() -> load(MINIMAL + "jellyfin: {url: 'http://jf', webhook_wait: soon}\n"))
        .hasMessageStartingWith("jellyfin.webhook_wait: 'soon'").hasMessageContaining("3m");
    assertThatThrownBy(() -> load(MINIMAL + "jellyfin: {url: 'http://jf', api_key: abc}\n"))
        .hasMessageContaining("VORG_JELLYFIN_API_KEY_FILE");
    env.put("VORG_JELLYFIN_WEBHOOK_SECRET", "short");
    assertThatThrownBy(() -> load(MINIMAL + "jellyfin: {url: 'http://jf'}\n"))
        .hasMessageStartingWith("VORG_JELLYFIN_WEBHOOK_SECRET").hasMessageContaining("16");
  }

  @Test
  void aShortTokenIsRefused() {
    env.put("VORG_HTTP_TOKEN", "short");
    assertThatThrownBy(() -> load(MINIMAL)).hasMessageStartingWith("VORG_HTTP_TOKEN").hasMessageContaining("16");
  }

  @Test
  void theTokenIsNeverTakenFromTheFile() {
    assertThatThrownBy(() -> load(MINIMAL + "http: {token: abc}\n")).hasMessageContaining("VORG_HTTP_TOKEN");
  }

  @Test
  void invalidYamlNamesTheFileAndLine() {
    assertThatThrownBy(() -> load("sources: [\nlibrary: : :\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("not valid YAML");
  }

  @Test
  void missingFileIsNamed() {
    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(dir.resolve("nope.yaml")), env))
        .hasMessageContaining("nope.yaml").hasMessageContaining("does not exist");
  }

  @Test
  void controlCharactersInValuesAreEscapedInTheMessage() {
    assertThatThrownBy(() -> load(MINIMAL + "mode: \"a\\nb\"\n")).hasMessageContaining("'a\\u000ab'");
  }

  @Test
  void mountMarkersAreOptionalAndNameAFileInsideTheirFolder() throws IOException {
    VorgConfig none = load(MINIMAL);
    assertThat(none.libraryMarker()).isEmpty();
    assertThat(none.sources().getFirst().marker()).isEmpty();
    VorgConfig c = load("sources: [{name: a, path: /in, marker: .vorg-mounted}]\nlibrary: /lib\n"
        + "library_marker: meta/mounted\n");
    assertThat(c.sources().getFirst().marker()).hasValue(".vorg-mounted");
    assertThat(c.libraryMarker()).hasValue("meta/mounted");
  }

  @Test
  void aMountMarkerOutsideItsFolderIsRefused() {
    for (String bad : new String[] {"/srv/in/.mounted", "../.mounted", "a/../../x", ".", "a/.."}) {
      assertThatThrownBy(() -> load(MINIMAL + "library_marker: '" + bad + "'\n")).as(bad)
          .hasMessage("library_marker: '" + bad + "' is not valid; expected a file name relative to the library, "
              + "such as .vorg-mounted");
    }
    assertThatThrownBy(() -> load("sources: [{name: a, path: /in, marker: ../x}]\nlibrary: /lib\n"))
        .hasMessageStartingWith("sources[0].marker: '../x'").hasMessageContaining("relative to the source folder");
  }

  @Test
  void mountMarkersComeFromTheEnvironmentToo() throws IOException {
    env.put("VORG_SOURCES", "a=/in/a;marker=.vorg-mounted, b=/in/b");
    env.put("VORG_LIBRARY_MARKER", ".lib-mounted");
    VorgConfig c = load(MINIMAL);
    assertThat(c.sources()).extracting(VorgConfig.SourceConfig::marker)
        .containsExactly(Optional.of(".vorg-mounted"), Optional.empty());
    assertThat(c.sources().getFirst().path()).isEqualTo(Path.of("/in/a"));
    assertThat(c.libraryMarker()).hasValue(".lib-mounted");
  }
}
