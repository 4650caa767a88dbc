package org.videoorganizer.jellyfin.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.videoorganizer.jellyfin.fake.Await.failure;
import static org.videoorganizer.jellyfin.fake.Await.result;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.jellyfin.JellyfinSettings;
import org.videoorganizer.jellyfin.fake.FakeItem;
import org.videoorganizer.jellyfin.fake.FakeJellyfin;

class JellyfinClientTest {

  static final String KEY = "0123456789abcdef0123456789abcdef";
  static final String MATRIX_ID = "0f98eef9940902466c7a1834a9cf1f9e";

  Vertx vertx;
  FakeJellyfin fake;
  JellyfinClient client;
  @TempDir Path disk;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    fake = result(FakeJellyfin.start(vertx, KEY));
    fake.addLibrary("Movies", "movies", "/media/Movies", disk);
    client = client(KEY, Duration.ofSeconds(2));
  }

  @AfterEach
  void stop() {
    result(vertx.close());
  }

  JellyfinClient client(String key, Duration timeout) {
    return new JellyfinClient(vertx, JellyfinSettings.of(fake.baseUri(), key).withRequestTimeout(timeout));
  }

  FakeItem matrix(String tmdb) {
    return fake.putItem(new FakeItem(MATRIX_ID, "The Matrix", "Movie",
        "/media/Movies/The Matrix (1999) [tmdbid-603]/The Matrix (1999) [tmdbid-603].mkv",
        Map.of("Tmdb", tmdb, "Imdb", "tt0133093"), Instant.now(), "lib", 1999));
  }

  @Test
  void readsServerInfoSendingTheMediaBrowserTokenHeader() {
    ServerInfo info = result(client.systemInfo());

    assertThat(info.version()).isEqualTo(FakeJellyfin.VERSION);
    assertThat(info.id()).isEqualTo(fake.serverId());
    assertThat(fake.requests().getLast().authorization())
        .startsWith("MediaBrowser ").contains("Token=\"" + KEY + "\"");
  }

  @Test
  void worksWithTwelveZeroWhereLegacyHeadersAreOff() {
    fake.legacyAuthorization(false);

    assertThat(result(client.systemInfo()).version()).isEqualTo(FakeJellyfin.VERSION);
  }

  @Test
  void listsLibrariesWithTheFoldersJellyfinSees() {
    List<VirtualFolder> folders = result(client.virtualFolders());

    assertThat(folders).singleElement().satisfies(f -> {
      assertThat(f.name()).isEqualTo("Movies");
      assertThat(f.collectionType()).isEqualTo("movies");
      assertThat(f.locations()).containsExactly("/media/Movies");
    });
  }

  @Test
  void looksUpAnItemByDashedOrPlainIdWithPathAndProviderIds() {
    matrix("603");

    Optional<JellyfinItem> item = result(client.item("0F98EEF9-9409-0246-6C7A-1834A9CF1F9E"));

    assertThat(item).hasValueSatisfying(i -> {
      assertThat(i.id()).isEqualTo(MATRIX_ID);
      assertThat(i.tmdbId()).contains("603");
      assertThat(i.path()).contains("/media/Movies/The Matrix (1999) [tmdbid-603]/The Matrix (1999) [tmdbid-603].mkv");
    });
    assertThat(lastItemsQuery()).contains("fields=Path%2CProviderIds");
  }

  @Test
  void newItemsAreAskedForBySaveTimeNeverCollapsedIntoCollections() {
    result(client.savedSince(Instant.parse("2026-12-05T05:30:00.123Z"), 100));

    assertThat(lastItemsQuery()).contains("recursive=true", "minDateLastSaved=2026-12-05T05%3A30%3A00Z",
        "collapseBoxSetItems=false", "limit=100");
  }

  @Test
  void pathsComeBackAsJellyfinStoresThemWhenTheServerSubstitutesThem() {
    matrix("603");
    fake.pathSubstitution("/media", "\\\\nas\\media");

    Optional<JellyfinItem> item = result(client.item(MATRIX_ID));

    assertThat(item).hasValueSatisfying(i -> assertThat(i.path())
        .contains("/media/Movies/The Matrix (1999) [tmdbid-603]/The Matrix (1999) [tmdbid-603].mkv"));
    assertThat(fake.calls("GET", "/System/Configuration")).isEqualTo(1);
    assertThat(fake.calls("GET", "/Library/VirtualFolders")).isEqualTo(1);
    result(client.item(MATRIX_ID));
    assertThat(fake.calls("GET", "/System/Configuration")).as("read once").isEqualTo(1);
  }

  @Test
  void aLibraryFoldersNetworkPathIsUndoneToo() {
    matrix("603");
    fake.networkPath("/media/Movies", "smb://nas/Movies");

    assertThat(result(client.item(MATRIX_ID))).hasValueSatisfying(i -> assertThat(i.path())
        .contains("/media/Movies/The Matrix (1999) [tmdbid-603]/The Matrix (1999) [tmdbid-603].mkv"));
  }

  @Test
  void aKeyThatMayNotReadTheConfigurationMeansNoSubstitutions() {
    matrix("603");
    fake.addUserToken("user-token");

    assertThat(result(client("user-token", Duration.ofSeconds(2)).item(MATRIX_ID))).isPresent();
  }

  private String lastItemsQuery() {
    return fake.requests().stream().filter(r -> r.path().equals("/Items")).reduce((a, b) -> b).orElseThrow().query();
  }

  @Test
  void anItemJellyfinDoesNotHaveIsEmptyNotAnError() {
    assertThat(result(client.item(MATRIX_ID))).isEmpty();
  }

  @Test
  void refusesAnIdThatIsNotAGuidBeforeCallingJellyfin() {
    assertThatThrownBy(() -> client.item("../../System/Restart"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("GUID").hasMessageContaining("../../System/Restart");
    assertThat(fake.requests()).isEmpty();
  }

  @Test
  void appliesOurTmdbIdToAMismatchedItem() {
    matrix("604");

    result(client.applyTmdbId(MATRIX_ID, "603"));
    result(client.refresh(MATRIX_ID));

    assertThat(result(client.item(MATRIX_ID)).orElseThrow().tmdbId()).contains("603");
    assertThat(fake.calls("POST", "/Items/" + MATRIX_ID + "/Refresh")).isEqualTo(1);
  }

  @Test
  void reportsMediaUpdatedWithThePathsAsGiven() {
    result(client.reportMediaUpdated(List.of("/media/Movies/A (2001)/A (2001).mkv", "/media/Movies/B")));

    assertThat(fake.mediaUpdatedBatches()).containsExactly(List.of("/media/Movies/A (2001)/A (2001).mkv", "/media/Movies/B"));
  }

  @Test
  void aRefusedKeyIsUnauthorizedAndSaysWhatToFix() {
    JellyfinException e = (JellyfinException) failure(client("wrong-key", Duration.ofSeconds(2)).systemInfo());

    assertThat(e.kind()).isEqualTo(JellyfinException.Kind.UNAUTHORIZED);
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.getMessage()).contains("401", "GET /System/Info", "VORG_JELLYFIN_API_KEY");
  }

  @Test
  void aUserTokenIsForbiddenOnAdminEndpoints() {
    fake.addUserToken("user-token");

    JellyfinException e = (JellyfinException) failure(client("user-token", Duration.ofSeconds(2)).virtualFolders());

    assertThat(e.kind()).isEqualTo(JellyfinException.Kind.FORBIDDEN);
    assertThat(e.getMessage()).contains("403", "/Library/VirtualFolders");
  }

  @Test
  void refreshingAnUnknownItemIsNotFound() {
    JellyfinException e = (JellyfinException) failure(client.refresh(MATRIX_ID));

    assertThat(e.kind()).isEqualTo(JellyfinException.Kind.NOT_FOUND);
    assertThat(e.status()).isEqualTo(404);
  }

  @Test
  void serverErrorsAreRetryable() {
    fake.failWith(503);

    JellyfinException e = (JellyfinException) failure(client.systemInfo());

    assertThat(e.kind()).isEqualTo(JellyfinException.Kind.SERVER_ERROR);
    assertThat(e.isRetryable()).isTrue();
    assertThat(e.getMessage()).contains("503", "fake failure");
  }

  @Test
  void truncatedJsonIsABadResponseNamingTheRequest() {
    fake.garbage(true);

    JellyfinException e = (JellyfinException) failure(client.items(List.of(MATRIX_ID)));

    assertThat(e.kind()).isEqualTo(JellyfinException.Kind.BAD_RESPONSE);
    assertThat(e.getMessage()).contains("GET /Items", "{\"Items\":[{\"Id\":");
  }

  @Test
  void aSlowServerTimesOut() {
    fake.slow(Duration.ofSeconds(2));

    JellyfinException e = (JellyfinException) failure(client("" + KEY, Duration.ofMillis(200)).systemInfo());

    assertThat(e.kind()).isEqualTo(JellyfinException.Kind.TIMEOUT);
    assertThat(e.getMessage()).contains("did not answer in time", "GET /System/Info");
  }

  @Test
  void aStoppedServerIsUnreachable() {
    result(fake.goDown());

    JellyfinException e = (JellyfinException) failure(client.systemInfo());

    assertThat(e.kind()).isEqualTo(JellyfinException.Kind.UNREACHABLE);
    assertThat(e.isRetryable()).isTrue();
  }
}
