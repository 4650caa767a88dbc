package org.videoorganizer.gpu;

/** What became of the remote part of an analysis. */
public enum RemoteStatus {
  /** Remote analysis was not asked for. */
  NOT_REQUESTED,
  /** Asked for, but no backend is configured. */
  NOT_CONFIGURED,
  /** The backends answered. */
  DONE,
  /** A budget or the per-video cap stopped it; local analysis was done. */
  BUDGET_REACHED,
  /** A backend was down: the video should wait and be analysed again later. */
  WAITING_FOR_BACKEND,
  /** A backend refused the request for good; local analysis was done. */
  REJECTED
}
