package org.videoorganizer.daemon.alerts;

/**
 * One notification. {@code key} names the condition ({@code source-down:in},
 * {@code failures}, ...): the rate limit counts per key.
 */
public record Alert(String key, String title, String message) {}
