package org.videoorganizer.daemon.queue;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What a person reads when the configured Redis cannot be reached. */
class RedisDoorbellTest {

  private final Vertx vertx = Vertx.vertx();
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(RedisDoorbell.class);

  @BeforeEach
  void listen() {
    logged.start();
    logger.addAppender(logged);
  }

  @AfterEach
  void close() {
    logger.detachAppender(logged);
    vertx.close().await();
  }

  private static int unusedPort() throws Exception {
    try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test
  void anUnreachableRedisIsReportedWithRedisUrlAndItsValue() throws Exception {
    String url = "redis://127.0.0.1:" + unusedPort();
    var bell = new RedisDoorbell(vertx, url, "vorg-test", "consumer-1", Duration.ofSeconds(30));
    try {
      assertThat(bell.next(10, Duration.ofMillis(200))).isEmpty();
      assertThat(bell.next(10, Duration.ofMillis(200))).isEmpty();
      assertThat(bell.healthy()).isFalse();
    } finally {
      bell.close();
    }
    assertThat(logged.list).hasSize(1) // once, not per poll
        .first().satisfies(event -> assertThat(event.getFormattedMessage())
            .startsWith("redis.url " + url + ": Redis XREADGROUP failed (")
            .endsWith("); polling PostgreSQL until it is back"));
  }
}
