/**
 * The source side of the organize core, shared by {@code vorg organize} and the daemon: {@link
 * org.videoorganizer.daemon.source.SourceScanner} walks a source and groups each video with its
 * sidecars ({@link org.videoorganizer.daemon.source.SidecarMatcher}) into a {@link
 * org.videoorganizer.daemon.source.SourceGroup}; {@link org.videoorganizer.daemon.source.FileKinds}
 * is the one table of video, subtitle and artwork extensions and of names still being written.
 */
package org.videoorganizer.daemon.source;
