package org.videoorganizer.gpu.cost;

import java.time.Instant;

/**
 * How a backend bills: by the second of GPU time (RunPod Serverless, a rented pod) or by tokens
 * (hosted APIs), or not at all (a local server). RunPod bills execution time, rounded up to the
 * second; a pod or self-hosted server behind an OpenAI-compatible URL is costed at its rate times
 * the wall time of the call.
 */
public record Pricing(String backend, String gpuClass, double usdPerSecond, double usdPerMillionTokensIn,
    double usdPerMillionTokensOut) {

  /** RunPod Serverless flex price of a 24 GB RTX 4090 PRO worker (../shared gpu.md, section 4). */
  public static final double RUNPOD_4090_USD_PER_SECOND = 0.00031;

  public Pricing {
    if (usdPerSecond < 0 || usdPerMillionTokensIn < 0 || usdPerMillionTokensOut < 0) {
      throw new IllegalArgumentException("prices must not be negative, got " + usdPerSecond + " $/s, "
          + usdPerMillionTokensIn + " and " + usdPerMillionTokensOut + " $/M tokens for " + backend);
    }
  }

  public static Pricing perSecond(String backend, String gpuClass, double usdPerSecond) {
    return new Pricing(backend, gpuClass, usdPerSecond, 0, 0);
  }

  public static Pricing perToken(String backend, double usdPerMillionIn, double usdPerMillionOut) {
    return new Pricing(backend, null, 0, usdPerMillionIn, usdPerMillionOut);
  }

  public static Pricing free(String backend) {
    return new Pricing(backend, null, 0, 0, 0);
  }

  /** The record of one call: billed seconds (execution, rounded up) times the rate, plus tokens times their prices. */
  public CostRecord bill(String video, String task, Usage usage, Instant at) {
    long billedSeconds = (usage.executionMillis() + 999) / 1000;
    double usd = billedSeconds * usdPerSecond + usage.tokensIn() * usdPerMillionTokensIn / 1e6
        + usage.tokensOut() * usdPerMillionTokensOut / 1e6;
    return new CostRecord(video, backend, task, gpuClass, usdPerSecond, usdPerMillionTokensIn, usdPerMillionTokensOut,
        usage.wallMillis(), usage.executionMillis(), usage.queueMillis(), usage.tokensIn(), usage.tokensOut(),
        usage.audioSeconds(), usd, at);
  }
}
