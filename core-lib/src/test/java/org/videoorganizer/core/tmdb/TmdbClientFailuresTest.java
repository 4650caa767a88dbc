package org.videoorganizer.core.tmdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.videoorganizer.core.tmdb.fake.FakeTmdbServer;

/** Error answers become clear exceptions; transient ones are retried within bounds. */
class TmdbClientFailuresTest {

  FakeTmdbServer tmdb;

  @BeforeEach
  void start() {
    tmdb = FakeTmdbServer.start();
  }

  @AfterEach
  void stop() {
    tmdb.close();
  }

  private TmdbClientBuilder builder() {
    return TmdbClient.builder().baseUrl(tmdb.baseUrl()).apiKey(FakeTmdbServer.API_KEY)
        .retries(2, 3, Duration.ofMillis(10), Duration.ofSeconds(3))
        .timeouts(Duration.ofSeconds(2), Duration.ofMillis(300));
  }

  @Test
  void wrongApiKeyIsAnAuthErrorNamingTheKeyAndTheTmdbMessage() {
    var client = TmdbClient.builder().baseUrl(tmdb.baseUrl()).apiKey("not-the-key").build();
    assertThatThrownBy(() -> client.searchMovies("Alien", null, null, 1))
        .isInstanceOfSatisfying(TmdbException.class, e -> {
          assertThat(e.kind()).isEqualTo(TmdbException.Kind.AUTH);
          assertThat(e.httpStatus()).isEqualTo(401);
          assertThat(e.isTransient()).isFalse();
        })
        .hasMessageContaining("TMDB rejected the API key (401, code 7: Invalid API key")
        .hasMessageContaining("/3/search/movie");
    assertThat(tmdb.requestCount()).as("401 is not retried").isEqualTo(1);
  }

  @Test
  void unknownPathIsANotFoundErrorWithThePath() {
    tmdb.failNext(404, 1);
    assertThatThrownBy(() -> builder().build().searchTv("Lost", null, 1))
        .isInstanceOfSatisfying(TmdbException.class, e -> assertThat(e.kind()).isEqualTo(TmdbException.Kind.NOT_FOUND))
        .hasMessageContaining("404, code 34").hasMessageContaining("/3/search/tv?page=1&query=Lost");
  }

  @Test
  void rateLimitWaitsTheRetryAfterSecondsThenSucceeds() {
    tmdb.rateLimitNext(1, 1);
    long start = System.nanoTime();
    var page = builder().build().searchMovies("Alien", null, null, 1);
    long elapsedMs = (System.nanoTime() - start) / 1_000_000;
    assertThat(page.results()).isNotEmpty();
    assertThat(elapsedMs).as("waited Retry-After: 1").isGreaterThanOrEqualTo(1000);
    assertThat(tmdb.requestCount()).isEqualTo(2);
  }

  @Test
  void endless429IsARateLimitErrorAfterTheConfiguredRetries() {
    tmdb.rateLimitNext(10, 0);
    assertThatThrownBy(() -> builder().build().searchMovies("Alien", null, null, 1))
        .isInstanceOfSatisfying(TmdbException.class, e -> {
          assertThat(e.kind()).isEqualTo(TmdbException.Kind.RATE_LIMITED);
          assertThat(e.isTransient()).isTrue();
        })
        .hasMessageContaining("429, code 25").hasMessageContaining("4 attempts");
    assertThat(tmdb.requestCount()).isEqualTo(4);
  }

  @Test
  void stormOfManyThreadsOverTheServerBudgetEndsWithEveryAnswerRight() throws Exception {
    tmdb.budget(15, 1);
    var client = builder().retries(2, 8, Duration.ofMillis(10), Duration.ofSeconds(3))
        .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(10)).build();
    var pool = Executors.newFixedThreadPool(8);
    var futures = new ArrayList<Future<Integer>>();
    for (int i = 0; i < 24; i++) {
      int n = i;
      futures.add(pool.submit(() -> client.season(2224, 26).orElseThrow().episodes().size() + n * 0
          + client.searchMovies("Movie " + n, null, null, 1).page() - 1));
    }
    for (var f : futures) {
      assertThat(f.get()).isEqualTo(160);
    }
    pool.shutdown();
    assertThat(tmdb.requests()).as("some answers were 429").hasSizeGreaterThan(25);
  }

  @Test
  void serverErrorsAreRetriedAndThenSucceed() {
    tmdb.failNext(500, 2);
    TmdbClient client = builder().build();
    assertThat(client.tv(1396).orElseThrow().name()).isEqualTo("Breaking Bad");
    assertThat(tmdb.requestCount()).isEqualTo(3);
    assertThat(client.stats().failedAnswers()).as("the two 500s, counted for the metrics").isEqualTo(2);
    assertThat(client.stats().requestsSent()).isEqualTo(3);
  }

  @Test
  void persistentServerErrorsBecomeAServerErrorAfterTheRetries() {
    tmdb.failNext(503, 5);
    assertThatThrownBy(() -> builder().build().tv(1396))
        .isInstanceOfSatisfying(TmdbException.class, e -> {
          assertThat(e.kind()).isEqualTo(TmdbException.Kind.SERVER);
          assertThat(e.httpStatus()).isEqualTo(503);
        })
        .hasMessageContaining("503, code 46: The API is undergoing maintenance").hasMessageContaining("3 attempts");
  }

  @Test
  void slowAnswersTimeOutAfterTheRetries() {
    tmdb.delayNext(Duration.ofSeconds(2), 3);
    assertThatThrownBy(() -> builder().build().movie(603))
        .isInstanceOfSatisfying(TmdbException.class, e -> assertThat(e.kind()).isEqualTo(TmdbException.Kind.TIMEOUT))
        .hasMessageContaining("did not answer within 300 ms (3 attempts)").hasMessageContaining("/3/movie/603");
  }

  @Test
  void oneSlowAnswerIsRetried() {
    tmdb.delayNext(Duration.ofSeconds(1), 1);
    TmdbClient client = builder().build();
    assertThat(client.movie(603)).isPresent();
    assertThat(client.stats().failedAnswers()).as("the timeout").isEqualTo(1);
  }

  @Test
  void malformedJsonIsAMalformedErrorAndNotCached() {
    tmdb.malformedNext(1);
    var client = builder().build();
    assertThatThrownBy(() -> client.searchMovies("Alien", null, null, 1))
        .isInstanceOfSatisfying(TmdbException.class, e -> assertThat(e.kind()).isEqualTo(TmdbException.Kind.MALFORMED))
        .hasMessageContaining("malformed JSON").hasMessageContaining("/3/search/movie");
    assertThat(client.searchMovies("Alien", null, null, 1).results()).isNotEmpty();
  }

  @Test
  void wrongShapeIsAMalformedError() {
    tmdb.enqueue(new FakeTmdbServer.Fault(200, "{\"results\":{\"id\":1}}", java.util.Map.of(), Duration.ZERO));
    assertThatThrownBy(() -> builder().build().searchMovies("Alien", null, null, 1))
        .isInstanceOfSatisfying(TmdbException.class, e -> assertThat(e.kind()).isEqualTo(TmdbException.Kind.MALFORMED))
        .hasMessageContaining("'results' is not a list");
  }

  @Test
  void closedPortIsAnUnreachableErrorNamingTheAddress() throws Exception {
    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    var client = TmdbClient.builder().baseUrl("http://127.0.0.1:" + port).apiKey("k")
        .retries(1, 1, Duration.ofMillis(5), Duration.ofSeconds(1)).build();
    assertThatThrownBy(() -> client.movie(1))
        .isInstanceOfSatisfying(TmdbException.class, e -> assertThat(e.kind()).isEqualTo(TmdbException.Kind.UNREACHABLE))
        .hasMessageContaining("cannot reach TMDB at http://127.0.0.1:" + port);
  }
}
