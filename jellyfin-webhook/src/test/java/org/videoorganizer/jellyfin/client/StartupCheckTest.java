package org.videoorganizer.jellyfin.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.videoorganizer.jellyfin.fake.Await.result;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.jellyfin.JellyfinSettings;
import org.videoorganizer.jellyfin.PathMap;
import org.videoorganizer.jellyfin.fake.FakeJellyfin;

class StartupCheckTest {

  static final String KEY = "startup-key";

  Vertx vertx;
  FakeJellyfin fake;
  @TempDir Path box;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    fake = result(FakeJellyfin.start(vertx, KEY));
    fake.addLibrary("Movies", "movies", "/media/Movies", box.resolve("Movies"));
  }

  @AfterEach
  void stop() {
    result(vertx.close());
  }

  StartupReport check(PathMap map, Path... roots) {
    JellyfinSettings settings = JellyfinSettings.of(fake.baseUri(), KEY).withPathMap(map);
    return result(new JellyfinClient(vertx, settings).checkAtStart(List.of(roots)));
  }

  @Test
  void aRootInsideALibraryThroughThePathMapIsCovered() {
    StartupReport report = check(PathMap.parse(box + "=/media"), box.resolve("Movies"));

    assertThat(report).isInstanceOfSatisfying(StartupReport.Reachable.class, r -> {
      assertThat(r.server().version()).isEqualTo(FakeJellyfin.VERSION);
      assertThat(r.coverage()).singleElement().isInstanceOfSatisfying(LibraryCoverage.Covered.class,
          c -> assertThat(c.library().name()).isEqualTo("Movies"));
    });
    assertThat(report.warnings()).isEmpty();
  }

  @Test
  void aRootJellyfinHasNoLibraryForIsAWarningNamingBothPaths() {
    StartupReport report = check(PathMap.parse(box + "=/media"), box.resolve("Shows"));

    assertThat(report.warnings()).singleElement().asString()
        .contains(box.resolve("Shows").toString(), "/media/Shows", "/media/Movies");
  }

  @Test
  void aRootOutsideThePathMapIsAWarningSuggestingARule() {
    StartupReport report = check(PathMap.parse(box + "/Movies=/media/Movies"), Path.of("/srv/other"));

    assertThat(report.warnings()).singleElement().asString().contains("/srv/other", "VORG_JELLYFIN_PATH_MAP", "jellyfin.path_map");
  }

  @Test
  void jellyfinDownIsAReportNotAFailure() {
    result(fake.goDown());

    StartupReport report = check(PathMap.identity(), box);

    assertThat(report).isInstanceOf(StartupReport.Unreachable.class);
    assertThat(report.warnings()).singleElement().asString().contains("not usable yet", "retried");
  }

  @Test
  void aRefusedKeyIsAReportNamingTheKey() {
    JellyfinSettings settings = JellyfinSettings.of(fake.baseUri(), "wrong");

    StartupReport report = result(new JellyfinClient(vertx, settings).checkAtStart(List.of(box)));

    assertThat(report.warnings()).singleElement().asString().contains("401", "VORG_JELLYFIN_API_KEY");
  }
}
