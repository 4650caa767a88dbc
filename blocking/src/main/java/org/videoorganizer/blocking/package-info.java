/**
 * Plain blocking code on virtual threads beside Vert.x (see docs/architecture.md, Concurrency):
 * {@link org.videoorganizer.blocking.Blocking}, the one bridge between Vert.x futures and plain
 * threads, {@link org.videoorganizer.blocking.Wakeup}, the one wait for a signal with a
 * deadline that loops use instead of sleeping, and {@link org.videoorganizer.blocking.Repeating},
 * work repeated on one virtual thread instead of a timer.
 */
package org.videoorganizer.blocking;
