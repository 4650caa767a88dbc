package org.videoorganizer.daemon.announce;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.core.tmdb.fake.FakeTmdbServer;
import org.videoorganizer.daemon.app.Daemon;
import org.videoorganizer.daemon.testsupport.TestServices;
import org.videoorganizer.jellyfin.fake.FakeJellyfin;

/**
 * The web page in a real browser (Debian's Chromium driven by Playwright, headless, no network):
 * log in, see a file the matcher sent to review, search TMDB for it, pick the film, and watch it
 * reach the library and "confirmed" on the fake Jellyfin; answer an episode once and see the next
 * one named by the correction without asking. A file whose name is HTML is shown as text and
 * runs nothing. Screenshots of every page at desktop and phone widths go to the folder named by
 * {@code -Dvorg.screenshots} (default target/screenshots). Skipped without /usr/bin/chromium.
 */
@Tag("browser")
@ExtendWith(TestServices.class)
class ReviewPageBrowserTest {

  static final String CHROMIUM = "/usr/bin/chromium";
  static final String HOSTILE = "<img src=x onerror=alert(1)> (2011).mkv";

  @TempDir Path dir;
  final JellyfinDaemons daemons = new JellyfinDaemons();
  final List<String> dialogs = new ArrayList<>();
  Vertx vertx;
  FakeJellyfin fake;
  FakeTmdbServer tmdb;
  Daemon daemon;
  Playwright playwright;
  Browser browser;
  Page page;
  String base;

  volatile boolean confirmUndo;

  @BeforeEach
  void start(TestServices.Env env) throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of(CHROMIUM)), "Chromium is not installed at " + CHROMIUM);
    JellyfinDaemons.emptyDatabase(env);
    vertx = Vertx.vertx();
    fake = JellyfinDaemons.moviesJellyfin(vertx, dir);
    fake.addLibrary("Shows", "tvshows", "/media/TV Shows", dir.resolve("lib/TV Shows"));
    tmdb = FakeTmdbServer.start();
    daemon = daemons.start(dir, env, fake, Map.of("VORG_TMDB_API_KEY", FakeTmdbServer.API_KEY, "VORG_TMDB_BASE_URL", tmdb.baseUrl()));
    base = "http://127.0.0.1:" + daemon.httpPort();
    playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(Path.of(CHROMIUM))
        .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-background-networking", "--disable-gpu")));
    BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
    page = context.newPage();
    page.onDialog(d -> {
      dialogs.add(d.message());
      if (confirmUndo && d.message().startsWith("Put this video back")) {
        d.accept();
      } else {
        d.dismiss();
      }
    });
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.close();
      playwright.close();
    }
    daemons.stopAll();
    if (vertx != null) {
      vertx.close();
      tmdb.close();
    }
  }

  @Test
  void aPersonAnswersTheMatchersQuestionInTheBrowserAndTheFilmIsConfirmedThenACorrectionNamesTheNextEpisode() throws Exception {
    JellyfinDaemons.write(dir.resolve("in/Zqxwv Plorkt (1987).mkv"), 150_000, 1);
    JellyfinDaemons.write(dir.resolve("in/" + HOSTILE), 150_000, 9);
    daemons.awaitVideos(daemon, "needs_review", 2);

    page.navigate(base + "/");
    assertThat(page.url()).endsWith("/login");
    page.getByLabel("Daemon token").fill(daemon.httpToken().value());
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
    page.waitForLoadState();
    assertThat(page.url()).as(page.content()).isEqualTo(base + "/");
    assertThat(page.locator("h1").textContent()).isEqualTo("Overview");
    shoot("overview");
    Page live = page.context().newPage(); // stays on the overview: its numbers must change without a reload
    live.navigate(base + "/");
    assertThat(live.locator("[data-k='videos.needs_review']").textContent()).isEqualTo("2");
    live.evaluate("window.notReloaded = true");

    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Review").setExact(true)).click();
    Locator question = page.locator("article.question").filter(new Locator.FilterOptions().setHasText("Zqxwv Plorkt"));
    assertThat(question.locator(".reason").textContent()).contains("TMDB found nothing");
    assertThat(page.locator("article.question h2").allTextContents()).as("the hostile name is text")
        .contains(HOSTILE);
    assertThat(page.locator("img").count()).as("no element made from a file name").isZero();
    shoot("review");

    question.locator("form.search input[name=q]").fill("RoboCop");
    question.locator("form.search input[name=year]").fill("1987");
    question.locator("form.search select[name=kind]").selectOption("movie");
    question.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Search TMDB")).click();
    question = page.locator("article.question").filter(new Locator.FilterOptions().setHasText("Zqxwv Plorkt"));
    Locator hit = question.locator(".hits li").filter(new Locator.FilterOptions().setHasText("TMDB 5548"));
    assertThat(hit.locator("b").textContent()).isEqualTo("RoboCop");
    shoot("review-search");
    hit.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Pick")).click();
    page.waitForLoadState();
    assertThat(page.url()).as(page.content()).contains("/review");

    daemons.awaitJellyfin(daemon, "confirmed", 1);
    com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(live.locator("[data-k='videos.needs_review']"))
        .hasText("1", new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(15_000));
    assertThat(live.evaluate("window.notReloaded")).as("updated by polling, not by a reload").isEqualTo(true);
    live.close();
    assertThat(dir.resolve("lib/Movies/RoboCop (1987) [tmdbid-5548]/RoboCop (1987) [tmdbid-5548].mkv")).exists();
    page.navigate(base + "/videos?q=Zqxwv");
    shoot("videos");
    page.locator("table a").first().click();
    assertThat(page.locator("main").textContent()).contains("confirmed", "RoboCop (1987) [tmdbid-5548]");
    shoot("video");

    JellyfinDaemons.write(dir.resolve("in/Brkng Bd/Brkng.Bd.S01E01.mkv"), 150_000, 2);
    daemons.awaitVideos(daemon, "needs_review", 2);
    page.navigate(base + "/review");
    Locator episode = page.locator("article.question").filter(new Locator.FilterOptions().setHasText("S01E01"));
    episode.locator("form.search input[name=q]").fill("Breaking Bad");
    episode.locator("form.search select[name=kind]").selectOption("tv");
    episode.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Search TMDB")).click();
    episode = page.locator("article.question").filter(new Locator.FilterOptions().setHasText("S01E01"));
    episode.locator(".hits li").filter(new Locator.FilterOptions().setHasText("TMDB 1396"))
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Pick")).click();
    daemons.awaitJellyfin(daemon, "confirmed", 2);

    JellyfinDaemons.write(dir.resolve("in/Brkng.Bd.S01E02.720p.mkv"), 150_000, 3);
    daemons.awaitJellyfin(daemon, "confirmed", 3);
    page.navigate(base + "/videos?q=S01E02");
    page.locator("table a").first().click();
    assertThat(page.locator("ul.corrections").textContent()).contains("applied without asking", "Breaking Bad");
    assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Take back")).count()).isEqualTo(1);
    shoot("video-correction");
    page.navigate(base + "/controls");
    shoot("controls");
    page.navigate(base + "/review");
    assertThat(page.locator("article.question").count()).as("only the hostile name still asks").isEqualTo(1);
    assertThat(dialogs).as("no script ran from a file name").isEmpty();

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out")).click();
    page.navigate(base + "/review");
    assertThat(page.url()).endsWith("/login");
  }

  @Test
  void aStoredCandidateIsAcceptedInTheBrowserAndTheFilmIsPutBackFromTheControls() throws Exception {
    JellyfinDaemons.write(dir.resolve("in/King Kong.mkv"), 150_000, 4);
    daemons.awaitVideos(daemon, "needs_review", 1);
    page.navigate(base + "/login");
    page.getByLabel("Daemon token").fill(daemon.httpToken().value());
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
    page.waitForLoadState();

    page.navigate(base + "/review");
    Locator candidates = page.locator("article.question ul.candidates li");
    assertThat(candidates.count()).as("the matcher's candidates, stored when it asked").isGreaterThanOrEqualTo(2);
    assertThat(candidates.first().textContent()).contains("King Kong", "score");
    shoot("review-candidates");
    candidates.first().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accept")).click();
    page.waitForLoadState();
    daemons.awaitJellyfin(daemon, "confirmed", 1);
    assertThat(dir.resolve("in/King Kong.mkv")).doesNotExist();

    page.navigate(base + "/videos?q=King");
    String video = page.locator("table a").first().getAttribute("href").replace("/videos/", "");
    page.navigate(base + "/videos/" + video);
    confirmUndo = true; // the page asks before it puts a video back
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("undo").setExact(true)).click();
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (!Files.exists(dir.resolve("in/King Kong.mkv")) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(dir.resolve("in/King Kong.mkv")).as("put back where it came from: " + page.content()).exists();
    assertThat(dialogs).containsExactly("Put this video back where it came from?");
    page.navigate(base + "/videos/" + video);
    assertThat(page.locator("main").textContent()).contains("rejected", "put back to", "Candidates the matcher saw");
    shoot("video-undone");
  }

  private void shoot(String name) throws Exception {
    Path folder = Path.of(System.getProperty("vorg.screenshots", "target/screenshots"));
    Files.createDirectories(folder);
    page.screenshot(new Page.ScreenshotOptions().setPath(folder.resolve(name + "-desktop.png")).setFullPage(true));
    page.setViewportSize(390, 844);
    page.screenshot(new Page.ScreenshotOptions().setPath(folder.resolve(name + "-phone.png")).setFullPage(true));
    page.setViewportSize(1280, 900);
  }
}
