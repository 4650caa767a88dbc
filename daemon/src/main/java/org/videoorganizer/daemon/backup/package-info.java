/**
 * {@code vorg backup} and {@code vorg restore}: an archive of what the library cannot rebuild
 * (the database, the organize journals, the configuration file, which holds no secrets), on
 * demand and on a schedule with retention.
 */
package org.videoorganizer.daemon.backup;
