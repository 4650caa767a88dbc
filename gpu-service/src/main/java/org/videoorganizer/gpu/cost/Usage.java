package org.videoorganizer.gpu.cost;

/** What a remote call used, as measured by the client and reported by the backend. */
public record Usage(long wallMillis, long executionMillis, long queueMillis, long tokensIn, long tokensOut,
    double audioSeconds) {}
