package org.videoorganizer.gpu.remote;

/**
 * The backend refused this request for good (400, 401, 403, 404, 413, a RunPod job FAILED, an
 * answer that is not what the protocol promises): retrying the same input will not help, so the
 * analysis goes on without this backend and says why.
 */
public final class BackendRejectedException extends Exception {

  public BackendRejectedException(String backend, String reason) {
    super(backend + " refused the request: " + reason);
  }
}
