/**
 * The composition root: the vorg command line, the verticles of the pipeline (ingest, identify,
 * analyze, organize, announce, confirm), the PostgreSQL store, the job queue and the safe mover.
 */
package org.videoorganizer.daemon;
