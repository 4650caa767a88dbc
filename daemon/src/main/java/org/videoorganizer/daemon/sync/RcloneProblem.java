package org.videoorganizer.daemon.sync;

/** Why rclone could not do what was asked; the kind is what the status shows, the message the detail. */
public final class RcloneProblem extends RuntimeException {

  /** What went wrong, named after who must act. */
  public enum Kind {
    /** The rclone binary is not installed or not runnable: the admin installs it. */
    MISSING,
    /** The rclone binary is older than the minimum: the admin upgrades it. */
    TOO_OLD,
    /** The remote is not in rclone.conf: the user runs {@code rclone config}. */
    REMOTE_NOT_CONFIGURED,
    /** The remote refused our credentials (expired token, wrong key): the user reconnects it. */
    AUTH_REFUSED,
    /** The rcd or the remote could not be reached or the connection dropped: retried later. */
    UNREACHABLE,
    /** The remote file changed while it was copied: retried on the next run. */
    CHANGED_DURING_COPY,
    /** The copy did not match the remote's size or hash: the copy was discarded. */
    CORRUPTED,
    /** Anything else rclone reported. */
    FAILED
  }

  private final Kind kind;

  public RcloneProblem(Kind kind, String message) {
    super(kind + ": " + message);
    this.kind = kind;
  }

  public RcloneProblem(Kind kind, String message, Throwable cause) {
    super(kind + ": " + message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  /** The message without the kind in front of it. */
  public String detail() {
    String m = getMessage();
    return m.startsWith(kind + ": ") ? m.substring(kind.name().length() + 2) : m;
  }

  /** Classifies an error text from rclone's rc API. */
  static Kind classify(String error) {
    String e = error.toLowerCase(java.util.Locale.ROOT);
    if (e.contains("didn't find section in config file") || e.contains("not found in config")) {
      return Kind.REMOTE_NOT_CONFIGURED;
    }
    if (e.contains("unable to authenticate") || e.contains("permission denied (publickey")
        || e.contains("invalid_grant") || e.contains("token expired") || e.contains("401")
        || e.contains("unauthorized") || e.contains("handshake failed")) {
      return Kind.AUTH_REFUSED;
    }
    if (e.contains("connection refused") || e.contains("connection reset") || e.contains("eof")
        || e.contains("timeout") || e.contains("broken pipe") || e.contains("no route")
        || e.contains("i/o timeout") || e.contains("failed to dial")) {
      return Kind.UNREACHABLE;
    }
    if (e.contains("source file is being updated") || e.contains("changed during copy")) {
      return Kind.CHANGED_DURING_COPY;
    }
    if (e.contains("corrupted on transfer")) {
      return Kind.CORRUPTED;
    }
    return Kind.FAILED;
  }
}
