package org.videoorganizer.daemon.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test class a fresh PostgreSQL database and its own Redis key prefix. Servers, in
 * order: {@code VORG_TEST_PG_URL} / {@code VORG_TEST_REDIS_URL}; else the servers on 127.0.0.1;
 * else an embedded PostgreSQL and a {@code redis-server} from the PATH. Without any Redis the
 * {@link Env#redisUrl()} is empty and Redis tests skip themselves.
 *
 * <pre>{@code
 * @ExtendWith(TestServices.class)
 * class FooTest {
 *   FooTest(TestServices.Env env) { ... env.pgUrl() ... }
 * }
 * }</pre>
 */
public final class TestServices implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

  /** What a test class gets. */
  public record Env(String pgUrl, Optional<String> redisUrl, String keyPrefix) {}

  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(TestServices.class);

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    String admin = Servers.postgresAdminUrl();
    String name = "vorg_t_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    admin(admin, "create database " + name);
    String url = admin.substring(0, admin.lastIndexOf('/') + 1) + name;
    String prefix = "t" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
    context.getStore(NS).put(Env.class, new Env(url, Servers.redisUrl(), prefix));
    context.getStore(NS).put("db", name);
  }

  /** A further empty database on the same server (dropped with the JVM's server, or by hand). */
  public static String newDatabase() throws Exception {
    String admin = Servers.postgresAdminUrl();
    String name = "vorg_t_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    admin(admin, "create database " + name);
    return admin.substring(0, admin.lastIndexOf('/') + 1) + name;
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    String name = context.getStore(NS).get("db", String.class);
    if (name != null) {
      admin(Servers.postgresAdminUrl(), "drop database if exists " + name + " with (force)");
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
    return p.getParameter().getType() == Env.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext c) {
    return env(c);
  }

  /** The Env of the test class the context belongs to (stores fall back to the class's). */
  public static Env env(ExtensionContext c) {
    return c.getStore(NS).get(Env.class, Env.class);
  }

  static void admin(String url, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(Servers.jdbc(url)); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
