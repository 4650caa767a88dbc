package org.videoorganizer.gpu.remote;

import java.time.Duration;
import org.videoorganizer.gpu.cost.Pricing;

/**
 * A RunPod Serverless queue endpoint.
 *
 * @param endpointUrl {@code https://api.runpod.ai/v2/ENDPOINT_ID}
 * @param apiKey the RunPod API key (sent as the {@code authorization} header)
 * @param jobTimeout how long a job may take, queue included, before it is cancelled and the video waits
 * @param executionTimeout the job policy's executionTimeout sent to RunPod (over 5 s)
 * @param firstPoll the first pause between /status polls, doubled up to {@code maxPoll}
 */
public record RunPodSettings(String endpointUrl, String apiKey, Duration jobTimeout, Duration executionTimeout,
    Duration firstPoll, Duration maxPoll, int attempts, Duration backoff, Pricing pricing) {

  public RunPodSettings {
    if (endpointUrl == null || !endpointUrl.matches("https?://.+")) {
      throw new IllegalArgumentException("a RunPod endpoint URL must start with http:// or https://, got '"
          + endpointUrl + "'");
    }
    if (executionTimeout.toMillis() <= 5000) {
      throw new IllegalArgumentException("RunPod's executionTimeout must be over 5 s, got " + executionTimeout);
    }
    endpointUrl = endpointUrl.replaceAll("/+$", "");
  }
}
