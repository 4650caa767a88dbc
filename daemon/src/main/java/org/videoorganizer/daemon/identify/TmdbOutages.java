package org.videoorganizer.daemon.identify;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.videoorganizer.core.tmdb.TmdbException;

/**
 * Whether TMDB is still asked after it failed. A one-shot run ({@link #givingUpForTheRun()})
 * stops asking after a rejected key, an unreachable TMDB or a timeout, or after {@value
 * #FAILURES_BEFORE_GIVING_UP} failures in a row, so a run over many files does not wait on a
 * TMDB that is gone. A service ({@link #neverGivingUp()}) asks for every video: its failures are
 * retried later by the caller. Thread-safe.
 */
final class TmdbOutages {

  static final int FAILURES_BEFORE_GIVING_UP = 3;

  private final boolean givesUp;
  private final AtomicInteger failuresInARow = new AtomicInteger();
  private final AtomicReference<String> givenUp = new AtomicReference<>();

  private TmdbOutages(boolean givesUp) {
    this.givesUp = givesUp;
  }

  static TmdbOutages givingUpForTheRun() {
    return new TmdbOutages(true);
  }

  static TmdbOutages neverGivingUp() {
    return new TmdbOutages(false);
  }

  /** TMDB's message of the failure after which it is not asked any more, if there was one. */
  Optional<String> givenUp() {
    return Optional.ofNullable(givenUp.get());
  }

  void answered() {
    failuresInARow.set(0);
  }

  void failed(TmdbException e) {
    int inARow = failuresInARow.incrementAndGet();
    boolean hopeless = e.kind() == TmdbException.Kind.AUTH || e.kind() == TmdbException.Kind.UNREACHABLE
        || e.kind() == TmdbException.Kind.TIMEOUT || inARow >= FAILURES_BEFORE_GIVING_UP;
    if (givesUp && hopeless) {
      givenUp.compareAndSet(null, e.getMessage());
    }
  }
}
