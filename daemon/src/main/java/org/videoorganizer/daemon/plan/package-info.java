/**
 * Where an identified group goes: {@link org.videoorganizer.daemon.plan.OrganizePlanner} gives the
 * video, its sidecars and artwork their library paths and plans the NFO files ({@link
 * org.videoorganizer.daemon.plan.NfoPlanner}), for a whole source ({@code vorg organize}) or one
 * stored group (the daemon). Reads only.
 */
package org.videoorganizer.daemon.plan;
