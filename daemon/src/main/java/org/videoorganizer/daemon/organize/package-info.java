/**
 * The one-shot organizer behind {@code vorg organize}: {@link
 * org.videoorganizer.daemon.plan.OrganizePlanner} walks a source folder, groups each video
 * with its sidecars, identifies it through an {@link org.videoorganizer.daemon.identify.Identifier}
 * and plans Jellyfin targets; {@link org.videoorganizer.daemon.organize.SafeMover} carries out
 * one planned unit without ever losing a file, writing every step to a {@link
 * org.videoorganizer.daemon.organize.Journal}; {@link org.videoorganizer.daemon.organize.JournalUndo}
 * puts a run back. {@link org.videoorganizer.daemon.organize.Organizer} ties them together.
 */
package org.videoorganizer.daemon.organize;
