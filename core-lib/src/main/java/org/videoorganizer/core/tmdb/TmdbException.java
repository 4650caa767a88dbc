package org.videoorganizer.core.tmdb;

/**
 * TMDB could not answer a request. The kind says who must act: {@link Kind#AUTH} the user (fix
 * the key), {@link Kind#RATE_LIMITED}, {@link Kind#SERVER}, {@link Kind#TIMEOUT} and {@link
 * Kind#UNREACHABLE} nobody (try again later), {@link Kind#MALFORMED} and {@link
 * Kind#BAD_REQUEST} a developer. The message names the status, the TMDB code and the path.
 */
public final class TmdbException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What went wrong, grouped by who must act. */
  public enum Kind {
    /** 401: the API key or token is missing, invalid or suspended. */
    AUTH,
    /** 404: the id or path does not exist. */
    NOT_FOUND,
    /** 429 still returned after the configured retries. */
    RATE_LIMITED,
    /** 5xx still returned after the configured retries. */
    SERVER,
    /** No answer within the request timeout, after the configured retries. */
    TIMEOUT,
    /** The connection failed (refused, reset, unknown host). */
    UNREACHABLE,
    /** The answer was not the JSON the API documents. */
    MALFORMED,
    /** Another 4xx: the request itself is wrong. */
    BAD_REQUEST
  }

  private final Kind kind;
  private final int httpStatus;

  TmdbException(Kind kind, int httpStatus, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.httpStatus = httpStatus;
  }

  TmdbException(Kind kind, int httpStatus, String message) {
    this(kind, httpStatus, message, null);
  }

  /** The kind of failure. */
  public Kind kind() {
    return kind;
  }

  /** The HTTP status TMDB returned, or 0 when there was no HTTP answer. */
  public int httpStatus() {
    return httpStatus;
  }

  /** True when trying again later may succeed (rate limit, server error, timeout, network). */
  public boolean isTransient() {
    return switch (kind) {
      case RATE_LIMITED, SERVER, TIMEOUT, UNREACHABLE -> true;
      default -> false;
    };
  }
}
