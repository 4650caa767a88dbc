package org.videoorganizer.gpu.cost;

import java.time.Instant;

/**
 * What one remote call cost and why.
 *
 * @param video the video it was for (its path or store id)
 * @param backend the configured backend name, e.g. {@code runpod-whisper} or {@code vllm}
 * @param task {@code vision} or {@code transcription}
 * @param gpuClass the GPU class the price is for, e.g. {@code RTX 4090}, or null for token-priced APIs
 * @param usdPerSecond the price per billed second, 0 when billed by tokens
 * @param usdPerMillionTokensIn price per million prompt tokens, 0 when billed by time
 * @param usdPerMillionTokensOut price per million completion tokens
 * @param wallMillis the time the client waited, from sending to the answer
 * @param executionMillis the time the backend worked (RunPod executionTime; the wall time otherwise)
 * @param queueMillis the time the job waited for a worker (RunPod delayTime, cold starts included)
 * @param tokensIn prompt tokens reported by the backend
 * @param tokensOut completion tokens reported by the backend
 * @param audioSeconds seconds of sound sent
 * @param usd the cost of this call
 */
public record CostRecord(String video, String backend, String task, String gpuClass, double usdPerSecond,
    double usdPerMillionTokensIn, double usdPerMillionTokensOut, long wallMillis, long executionMillis,
    long queueMillis, long tokensIn, long tokensOut, double audioSeconds, double usd, Instant at) {}
