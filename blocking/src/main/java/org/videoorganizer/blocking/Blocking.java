package org.videoorganizer.blocking;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one bridge between Vert.x futures and plain blocking code on virtual threads, both ways.
 * {@link #await} waits for a Vert.x future from a plain (virtual) thread: the daemon's steps and
 * loops, and the Jellyfin confirmation loop, are sequential code on virtual threads that call the
 * Vert.x clients. Vert.x's own {@code Future.await} is meant for Vert.x virtual-thread contexts and
 * stalled when several plain virtual threads awaited at once. {@link #onVirtualThread} goes the
 * other way: an event-loop handler (an HTTP route) runs blocking work and gets a future back.
 */
public final class Blocking {

  private static final long DEFAULT_SECONDS = 120;

  private Blocking() {}

  /** The future's value; its failure is rethrown as is when unchecked. */
  public static <T> T await(Future<T> future) {
    return await(future, DEFAULT_SECONDS, TimeUnit.SECONDS);
  }

  /**
   * As {@link #await(Future)}, but an interrupt does not abandon the wait: for a database write
   * whose outcome must be known (a claim that went through must be followed by a release). The
   * interrupt is kept for the caller.
   */
  public static <T> T awaitThroughInterrupts(Future<T> future) {
    boolean interrupted = Thread.interrupted();
    try {
      while (true) {
        try {
          return await(future);
        } catch (IllegalStateException e) {
          if (!(e.getCause() instanceof InterruptedException)) {
            throw e;
          }
          Thread.interrupted();
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  public static <T> T await(Future<T> future, long amount, TimeUnit unit) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(amount, unit);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause.toString(), cause);
    } catch (TimeoutException e) {
      throw new IllegalStateException("no answer within " + amount + " " + unit.name().toLowerCase(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting", e);
    }
  }

  /**
   * Runs {@code work} on a new virtual thread and completes the returned future with its value or
   * failure. Called on a Vert.x context (an HTTP handler), the future completes back on that
   * context, so what the caller chains onto it runs on its event loop as before.
   */
  public static <T> Future<T> onVirtualThread(String name, Callable<T> work) {
    Context caller = Vertx.currentContext();
    Promise<T> promise = Promise.promise();
    Thread.ofVirtual().name(name).start(() -> {
      AsyncResult<T> outcome;
      try {
        outcome = Future.succeededFuture(work.call());
      } catch (Throwable e) {
        outcome = Future.failedFuture(e);
      }
      AsyncResult<T> done = outcome;
      if (caller == null) {
        promise.handle(done);
      } else {
        caller.runOnContext(v -> promise.handle(done));
      }
    });
    return promise.future();
  }
}
