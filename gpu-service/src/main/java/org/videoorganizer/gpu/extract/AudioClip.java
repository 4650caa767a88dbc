package org.videoorganizer.gpu.extract;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;

/**
 * A window of a video's sound as 16 kHz mono 16-bit PCM, the input speech models expect.
 *
 * @param start where the window begins in the video
 * @param pcm little-endian signed 16-bit samples
 */
public record AudioClip(Duration start, byte[] pcm) {

  public static final int SAMPLE_RATE = 16_000;

  public Duration length() {
    return Duration.ofMillis(pcm.length / 2 * 1000L / SAMPLE_RATE);
  }

  public double seconds() {
    return pcm.length / 2.0 / SAMPLE_RATE;
  }

  /** Root-mean-square level 0..1; near 0 is silence. */
  public double level() {
    ByteBuffer b = ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN);
    double sum = 0;
    int n = pcm.length / 2;
    for (int i = 0; i < n; i++) {
      double s = b.getShort() / 32768.0;
      sum += s * s;
    }
    return n == 0 ? 0 : Math.sqrt(sum / n);
  }

  /** The clip as a WAV file (44-byte RIFF header before the samples). */
  public byte[] wav() {
    ByteBuffer b = ByteBuffer.allocate(44 + pcm.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + pcm.length);
    b.put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
        .putShort((short) 1).putInt(SAMPLE_RATE).putInt(SAMPLE_RATE * 2).putShort((short) 2).putShort((short) 16);
    b.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(pcm.length).put(pcm);
    return b.array();
  }
}
