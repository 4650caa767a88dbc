package org.videoorganizer.gpu.remote;

/**
 * The backend could not answer now (refused connection, timeout, 429, 5xx, a RunPod job that
 * timed out or was lost) after the client's retries. Nothing is lost: the video should wait and
 * be analysed again later, like a TMDB outage.
 */
public final class BackendUnavailableException extends Exception {

  private final String backend;

  public BackendUnavailableException(String backend, String reason, Throwable cause) {
    super(backend + " is unavailable: " + reason, cause);
    this.backend = backend;
  }

  public String backend() {
    return backend;
  }
}
