package org.videoorganizer.core.match;

/**
 * One possible identity with its score in [0, 1] and why.
 *
 * @param why the comparison that gave the score, e.g. "title = original title, year 2014 = 2014"
 */
public record Candidate(Identity identity, double score, String why) {}
