package org.videoorganizer.gpu.remote;

import io.vertx.core.json.JsonObject;

/**
 * A finished RunPod job.
 *
 * @param delayMillis RunPod's delayTime: waiting in the queue, cold start included
 * @param executionMillis RunPod's executionTime: what is billed at the worker's rate
 * @param wallMillis the client's wait from /run to the final status
 * @param output the handler's output (a JSON object, or {"value": ...} when it returned something else)
 */
public record RunPodJob(String id, String status, long delayMillis, long executionMillis, long wallMillis,
    JsonObject output) {}
