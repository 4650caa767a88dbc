package org.videoorganizer.web;

/**
 * A request the daemon refuses, with the HTTP status to send and a message the person can act
 * on (shown on the page, sent as {@code {"error": ...}} by the API).
 */
public final class WebProblem extends RuntimeException {

  private final int status;

  public WebProblem(int status, String message) {
    super(message, null, false, false);
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("a problem's status must be 4xx or 5xx, got " + status);
    }
    this.status = status;
  }

  public int status() {
    return status;
  }

  public static WebProblem notFound(String what) {
    return new WebProblem(404, what);
  }

  public static WebProblem badRequest(String what) {
    return new WebProblem(400, what);
  }

  public static WebProblem conflict(String what) {
    return new WebProblem(409, what);
  }
}
