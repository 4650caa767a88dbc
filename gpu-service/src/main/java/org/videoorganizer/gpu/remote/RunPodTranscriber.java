package org.videoorganizer.gpu.remote;

import io.vertx.core.json.JsonObject;
import java.util.Base64;
import org.videoorganizer.gpu.cost.Pricing;
import org.videoorganizer.gpu.cost.Usage;
import org.videoorganizer.gpu.extract.AudioClip;

/**
 * Speech through RunPod's faster-whisper queue worker: input {@code audio_base64} (a WAV),
 * {@code model}, {@code transcription: plain_text}, {@code enable_vad: true} (no "Thanks for
 * watching" on silence); output {@code transcription} and {@code detected_language}.
 */
public final class RunPodTranscriber implements Transcriber {

  private final RunPodClient client;
  private final String model;

  public RunPodTranscriber(RunPodClient client, String model) {
    this.client = client;
    this.model = model;
  }

  @Override
  public Transcript transcribe(AudioClip clip) throws BackendUnavailableException, BackendRejectedException {
    var input = new JsonObject().put("audio_base64", Base64.getEncoder().encodeToString(clip.wav()))
        .put("model", model).put("transcription", "plain_text").put("enable_vad", true);
    RunPodJob job = client.run(input);
    String text = job.output().getString("transcription");
    if (text == null) {
      throw new BackendRejectedException(pricing().backend(), "job " + job.id() + " output has no transcription: "
          + HttpCalls.excerpt(job.output().encode()));
    }
    return new Transcript(text.strip(), job.output().getString("detected_language"),
        new Usage(job.wallMillis(), job.executionMillis(), job.delayMillis(), 0, 0, clip.seconds()));
  }

  @Override
  public Pricing pricing() {
    return client.settings().pricing();
  }
}
