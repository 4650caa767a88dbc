package org.videoorganizer.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * core-lib is embedded by other tools, so what it drags onto their classpath matters. The
 * enforcer rule in core-lib/pom.xml bans these at build time; this test checks the classpath
 * Maven really resolved for core-lib (its test classpath, a superset of what embedders get).
 */
class EmbeddableClasspathTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "io.vertx.core.Vertx",
        "io.netty.channel.Channel",
        "org.postgresql.Driver",
        "io.zonky.test.db.postgres.embedded.EmbeddedPostgres",
        "io.vertx.pgclient.PgBuilder",
        "io.vertx.redis.client.Redis"
      })
  void bannedFrameworkIsNotOnTheClasspath(String className) {
    assertThat(isLoadable(className)).as(className + " must not reach core-lib").isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "com.fasterxml.jackson.databind.ObjectMapper",
        "com.github.benmanes.caffeine.cache.Caffeine"
      })
  void allowedLibraryIsOnTheClasspath(String className) {
    assertThat(isLoadable(className)).as(className + " is what core-lib builds on").isTrue();
  }

  private static boolean isLoadable(String className) {
    try {
      Class.forName(className, false, EmbeddableClasspathTest.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
