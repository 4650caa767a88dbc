/**
 * Who a source group is: {@link org.videoorganizer.daemon.identify.NameIdentifier} from its name,
 * folders and NFOs, {@link org.videoorganizer.daemon.identify.TmdbIdentifier} with TMDB; both
 * answer an {@link org.videoorganizer.daemon.identify.Identification}.
 */
package org.videoorganizer.daemon.identify;
