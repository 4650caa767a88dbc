package org.videoorganizer.daemon.sync;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * What the remote library did since start, for {@code /api/status}: units published, resumed
 * after a crash, files refused because their name was taken, files whose name the same bytes took
 * just before our rename ({@code already_there}), and the last failure with its cause.
 */
final class LibraryStatus {

  private final String remote;
  private long published;
  private long recovered;
  private long conflicts;
  private long alreadyThere;
  private long failures;
  private String lastFailure;
  private Instant lastFailureAt;
  private final JsonArray recoveredUnits = new JsonArray();

  LibraryStatus(String remote) {
    this.remote = remote;
  }

  synchronized void published(PublishResult r) {
    count(r);
    if (r.complete()) {
      published++;
    }
  }

  synchronized void recovered(PublishResult r) {
    count(r);
    recovered++;
    if (recoveredUnits.size() < 20) {
      recoveredUnits.add(new JsonObject().put("unit", r.unit()).put("complete", r.complete()));
    }
  }

  /** A name found taken before anything moved. */
  synchronized void conflict() {
    conflicts++;
  }

  synchronized void failed(String why) {
    failures++;
    lastFailure = why;
    lastFailureAt = Instant.now();
  }

  private void count(PublishResult r) {
    for (PublishResult.FileOutcome f : r.files()) {
      switch (f.state()) {
        case CONFLICT -> conflicts++;
        case ALREADY_THERE -> alreadyThere++;
        case FAILED -> failed(r.unit() + " " + f.libraryPath() + ": " + f.detail());
        default -> { }
      }
    }
  }

  synchronized JsonObject json() {
    return new JsonObject().put("remote", remote).put("published_units", published).put("recovered_units", recovered)
        .put("recovered", recoveredUnits.copy()).put("conflicts", conflicts).put("already_there", alreadyThere)
        .put("failures", failures)
        .put("last_failure", lastFailure).put("last_failure_at", lastFailureAt == null ? null : lastFailureAt.toString());
  }
}
