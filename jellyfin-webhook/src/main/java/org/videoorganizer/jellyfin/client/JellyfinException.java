package org.videoorganizer.jellyfin.client;

/**
 * A Jellyfin call that did not give a usable answer. The message names the request, what came
 * back and who must act; {@link #kind()} lets callers decide whether to retry.
 */
public final class JellyfinException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What went wrong, from the point of view of the one who must fix it. */
  public enum Kind {
    /** 401: the API key is missing, wrong or revoked. The admin must fix the key. */
    UNAUTHORIZED(false),
    /** 403: the key is valid but not allowed (a user token instead of an API key). */
    FORBIDDEN(false),
    /** 404: the item or endpoint does not exist (deleted item, wrong base URL). */
    NOT_FOUND(false),
    /** Another 4xx: the request was refused as malformed. A bug on our side. */
    REJECTED(false),
    /** 5xx: Jellyfin failed; usually passes. */
    SERVER_ERROR(true),
    /** The answer was not the JSON the API promises (proxy page, truncated body). */
    BAD_RESPONSE(true),
    /** No answer within the configured request timeout. */
    TIMEOUT(true),
    /** No connection: Jellyfin is down or the URL is wrong. */
    UNREACHABLE(true);

    private final boolean retryable;

    Kind(boolean retryable) {
      this.retryable = retryable;
    }
  }

  private final Kind kind;
  private final int status;

  JellyfinException(Kind kind, int status, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.status = status;
  }

  public Kind kind() {
    return kind;
  }

  /** The HTTP status, or 0 when there was no HTTP answer. */
  public int status() {
    return status;
  }

  /** Whether trying again later may succeed without anybody changing anything. */
  public boolean isRetryable() {
    return kind.retryable;
  }

  static JellyfinException forStatus(String request, int status, String bodyStart) {
    Kind kind = switch (status) {
      case 401 -> Kind.UNAUTHORIZED;
      case 403 -> Kind.FORBIDDEN;
      case 404 -> Kind.NOT_FOUND;
      default -> status >= 500 ? Kind.SERVER_ERROR : Kind.REJECTED;
    };
    return new JellyfinException(kind, status, describe(kind, request, status, bodyStart), null);
  }

  static JellyfinException badResponse(String request, String problem, Throwable cause) {
    return new JellyfinException(Kind.BAD_RESPONSE, 200,
        "Jellyfin answered " + request + " with something that is not the expected JSON: " + problem, cause);
  }

  static JellyfinException transport(String request, Kind kind, Throwable cause) {
    String what = kind == Kind.TIMEOUT ? "did not answer in time" : "could not be reached";
    return new JellyfinException(kind, 0, "Jellyfin " + what + " for " + request + ": " + cause, cause);
  }

  private static String describe(Kind kind, String request, int status, String bodyStart) {
    String hint = switch (kind) {
      case UNAUTHORIZED -> "the API key was refused; create one in Dashboard > API Keys and set VORG_JELLYFIN_API_KEY";
      case FORBIDDEN -> "the key is not allowed to do this; use an API key, not a user token";
      case NOT_FOUND -> "no such item or endpoint; check the base URL and the item id";
      case SERVER_ERROR -> "Jellyfin failed; will retry";
      default -> "the request was refused";
    };
    String body = bodyStart.isBlank() ? "" : " (body: " + bodyStart + ")";
    return "Jellyfin answered " + status + " to " + request + ": " + hint + body;
  }
}
