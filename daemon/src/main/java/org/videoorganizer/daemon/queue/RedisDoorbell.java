package org.videoorganizer.daemon.queue;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.ProtocolVersion;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoorganizer.blocking.Blocking;

/**
 * Job ids on a Redis Stream read through a consumer group, so any number of daemons share the
 * work. Ids read by a consumer that died are taken over with XAUTOCLAIM once idle for a lease.
 */
final class RedisDoorbell implements Doorbell {

  private static final Logger log = LoggerFactory.getLogger(RedisDoorbell.class);
  static final String GROUP = "workers";

  private final Redis client;
  private final String setting; // "redis.url <value>", first in every message about Redis failing
  private final String stream;
  private final String consumer;
  private final long idleMs;
  private volatile RedisConnection reader;
  private volatile boolean healthy = true;
  private long lastAutoclaim;
  private final CountDownLatch closed = new CountDownLatch(1);

  RedisDoorbell(Vertx vertx, String url, String keyPrefix, String consumer, Duration lease) {
    this.client = Redis.createClient(vertx, new RedisOptions().setConnectionString(url)
        .setPreferredProtocolVersion(ProtocolVersion.RESP2).setMaxPoolSize(4).setMaxPoolWaiting(1000));
    this.setting = "redis.url " + url;
    this.stream = keyPrefix + ":jobs";
    this.consumer = consumer;
    this.idleMs = lease.toMillis();
  }

  @Override
  public void ring(long jobId) {
    client.send(Request.cmd(Command.XADD).arg(stream).arg("MAXLEN").arg("~").arg(100_000).arg("*")
            .arg("job").arg(jobId))
        .onFailure(e -> degraded("XADD", e));
  }

  @Override
  public List<Long> next(int max, Duration wait) throws InterruptedException {
    try {
      RedisConnection conn = reader();
      List<Long> ids = new ArrayList<>();
      if (System.currentTimeMillis() - lastAutoclaim > Math.min(idleMs, 10_000)) {
        lastAutoclaim = System.currentTimeMillis();
        Response r = Blocking.await(conn.send(Request.cmd(Command.XAUTOCLAIM).arg(stream).arg(GROUP).arg(consumer)
            .arg(idleMs).arg("0-0").arg("COUNT").arg(max)), 5_000, TimeUnit.MILLISECONDS);
        collect(r.get(1), ids);
      }
      if (ids.isEmpty()) {
        Response r = Blocking.await(conn.send(Request.cmd(Command.XREADGROUP).arg("GROUP").arg(GROUP).arg(consumer)
            .arg("COUNT").arg(max).arg("BLOCK").arg(wait.toMillis()).arg("STREAMS").arg(stream).arg(">")),
            wait.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        if (r != null) {
          for (Response perStream : r) {
            collect(perStream.get(1), ids);
          }
        }
      }
      recovered();
      return ids;
    } catch (RuntimeException e) { // a failure, no answer in time, or interrupted (then the back-off below throws)
      degraded("XREADGROUP", e);
      dropReader();
      closed.await(Math.min(wait.toMillis(), 1_000), TimeUnit.MILLISECONDS); // back-off; close ends it
      return List.of();
    }
  }

  @Override
  public void done(List<Long> jobIds) {
    // Entry ids are not job ids: acknowledge everything this consumer holds that is done.
    if (jobIds.isEmpty()) {
      return;
    }
    RedisConnection conn = reader;
    if (conn == null) {
      return;
    }
    List<String> entries = new ArrayList<>();
    synchronized (pending) {
      for (Long id : jobIds) {
        String entry = pending.remove(id);
        if (entry != null) {
          entries.add(entry);
        }
      }
    }
    if (!entries.isEmpty()) {
      Request ack = Request.cmd(Command.XACK).arg(stream).arg(GROUP);
      entries.forEach(ack::arg);
      client.send(ack).onFailure(e -> degraded("XACK", e));
    }
  }

  private final java.util.Map<Long, String> pending = new java.util.HashMap<>();

  private void collect(Response entries, List<Long> ids) {
    if (entries == null) {
      return;
    }
    for (Response entry : entries) {
      if (entry == null || entry.size() < 2 || entry.get(1) == null) {
        continue; // deleted entry (XAUTOCLAIM reports trimmed ones)
      }
      Response fields = entry.get(1);
      for (int i = 0; i + 1 < fields.size(); i += 2) {
        if ("job".equals(fields.get(i).toString())) {
          long id = Long.parseLong(fields.get(i + 1).toString());
          ids.add(id);
          synchronized (pending) {
            pending.put(id, entry.get(0).toString());
          }
        }
      }
    }
  }

  private RedisConnection reader() {
    RedisConnection conn = reader;
    if (conn == null) {
      conn = Blocking.await(client.connect(), 5_000, TimeUnit.MILLISECONDS);
      conn.exceptionHandler(e -> dropReader());
      createGroup(conn);
      reader = conn;
    }
    return conn;
  }

  private void createGroup(RedisConnection conn) {
    try {
      Blocking.await(conn.send(Request.cmd(Command.XGROUP).arg("CREATE").arg(stream).arg(GROUP).arg("0").arg("MKSTREAM")),
          5_000, TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      if (e.getMessage() == null || !e.getMessage().contains("BUSYGROUP")) {
        throw e;
      }
    }
  }

  private void dropReader() {
    RedisConnection conn = reader;
    reader = null;
    if (conn != null) {
      conn.close();
    }
  }

  private void degraded(String what, Throwable e) {
    if (healthy) {
      log.warn("{}: Redis {} failed ({}); polling PostgreSQL until it is back", setting, what, e.toString());
    }
    healthy = false;
  }

  private void recovered() {
    if (!healthy) {
      log.info("{}: Redis is back; dispatching through the stream again", setting);
    }
    healthy = true;
  }

  @Override
  public boolean healthy() {
    return healthy;
  }

  @Override
  public void close() {
    closed.countDown();
    dropReader();
    client.close();
  }
}
