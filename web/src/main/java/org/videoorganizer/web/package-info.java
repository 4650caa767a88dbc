/**
 * The status page and its JSON API: overview, queue, per-video history and evidence, review and
 * correction, costs, and the pause, resume and retry controls.
 */
package org.videoorganizer.web;
