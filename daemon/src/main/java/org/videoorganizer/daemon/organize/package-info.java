/**
 * Carrying out a plan without ever losing a file: {@link
 * org.videoorganizer.daemon.organize.SafeMover} carries out one planned unit, writing every step
 * to a {@link org.videoorganizer.daemon.organize.Journal}; {@link
 * org.videoorganizer.daemon.organize.JournalUndo} puts a run back; {@link
 * org.videoorganizer.daemon.organize.EmptiedFolders} removes the source folders a move emptied;
 * {@link org.videoorganizer.daemon.organize.Organizer} ties the one-shot run together (the walk
 * and grouping are in {@code daemon.source}, identification in {@code daemon.identify}, planning
 * in {@code daemon.plan}).
 */
package org.videoorganizer.daemon.organize;
