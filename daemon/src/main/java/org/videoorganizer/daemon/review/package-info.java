/**
 * Answers to the matcher's questions: the review list with candidates, TMDB search for the page,
 * carrying out an answer at once, and corrections reused for the same release folder, the same
 * show and the same content ({@link org.videoorganizer.daemon.review.ReviewService}).
 */
package org.videoorganizer.daemon.review;
