package org.videoorganizer.daemon.store;

import io.vertx.core.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for a Vert.x future from a plain (virtual) thread. The pipeline's steps are sequential
 * code on virtual threads; Vert.x's own {@code Future.await} is meant for Vert.x virtual-thread
 * contexts and stalled here when several plain virtual threads awaited at once.
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
}
