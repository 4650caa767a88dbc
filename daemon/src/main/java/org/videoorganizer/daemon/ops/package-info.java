/**
 * Running the daemon for months: {@code /metrics} (Prometheus text format, Micrometer), the
 * readiness check naming each dependency, and the figures both read. Backups are in
 * {@code daemon.backup}, notifications in {@code daemon.alerts}.
 */
package org.videoorganizer.daemon.ops;
