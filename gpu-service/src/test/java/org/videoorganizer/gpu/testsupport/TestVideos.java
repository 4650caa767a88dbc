package org.videoorganizer.gpu.testsupport;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Real video files for tests, drawn with Java2D and encoded with {@link FFmpegFrameRecorder}
 * (MPEG-4 part 2 video in MP4, AAC sound): title cards with text, distinct scenes, black gaps.
 * A sparse video writes one picture every few seconds with growing time stamps, so a
 * two-hour film costs a few hundred encoded pictures.
 */
public final class TestVideos {

  /** What is on screen from {@code fromSecond} (inclusive) until the next scene. */
  public sealed interface Scene permits TitleCard, Picture, Black {
    double fromSecond();
  }

  /** White text lines centred on black. */
  public record TitleCard(double fromSecond, List<String> lines) implements Scene {}

  /** A coloured scene with shapes, distinct for each seed. */
  public record Picture(double fromSecond, int seed) implements Scene {}

  /** A black screen. */
  public record Black(double fromSecond) implements Scene {}

  static {
    avutil.av_log_set_level(avutil.AV_LOG_ERROR); // no stream dump on every file written
  }

  private final List<Scene> scenes = new ArrayList<>();
  private int width = 320;
  private int height = 180;
  private double fps = 5;
  private int keyEverySeconds = 2;
  private double seconds = 10;
  private double pictureEverySeconds;
  private boolean audio = true;

  private TestVideos() {}

  public static TestVideos video() {
    return new TestVideos();
  }

  public TestVideos size(int w, int h) {
    this.width = w;
    this.height = h;
    return this;
  }

  public TestVideos fps(double value) {
    this.fps = value;
    return this;
  }

  public TestVideos keyFrameEvery(int secondsBetween) {
    this.keyEverySeconds = secondsBetween;
    return this;
  }

  public TestVideos seconds(double value) {
    this.seconds = value;
    return this;
  }

  /** One encoded picture every {@code step} seconds (each a key frame); no sound. */
  public TestVideos sparse(double step) {
    this.pictureEverySeconds = step;
    this.audio = false;
    return this;
  }

  public TestVideos silent() {
    this.audio = false;
    return this;
  }

  public TestVideos title(double from, String... lines) {
    scenes.add(new TitleCard(from, List.of(lines)));
    return this;
  }

  public TestVideos picture(double from, int seed) {
    scenes.add(new Picture(from, seed));
    return this;
  }

  public TestVideos black(double from) {
    scenes.add(new Black(from));
    return this;
  }

  /** Encodes the video into {@code file} (its extension picks the container) and returns it. */
  public Path writeTo(Path file) throws Exception {
    scenes.sort(java.util.Comparator.comparingDouble(Scene::fromSecond));
    java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
    try (var recorder = new FFmpegFrameRecorder(file.toFile(), width, height, audio ? 1 : 0);
        var converter = new Java2DFrameConverter()) {
      recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
      recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
      recorder.setFrameRate(fps);
      recorder.setVideoQuality(4);
      recorder.setGopSize(pictureEverySeconds > 0 ? 1 : (int) Math.max(1, Math.round(fps * keyEverySeconds)));
      if (audio) {
        recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
        recorder.setSampleRate(16_000);
        recorder.setAudioBitrate(32_000);
      }
      recorder.start();
      double step = pictureEverySeconds > 0 ? pictureEverySeconds : 1 / fps;
      Scene shown = null;
      Frame frame = null;
      for (double t = 0; t < seconds; t += step) {
        Scene scene = sceneAt(t);
        if (scene != shown || frame == null) {
          frame = converter.convert(draw(scene)).clone();
          shown = scene;
        }
        recorder.setTimestamp(Math.round(t * 1_000_000));
        recorder.record(frame);
        if (audio) {
          recorder.recordSamples(16_000, 1, tone(t, step));
        }
      }
      if (pictureEverySeconds > 0) { // a last picture so that the length is what was asked
        recorder.setTimestamp(Math.round(seconds * 1_000_000));
        recorder.record(frame);
      }
      recorder.stop();
    }
    return file;
  }

  private Scene sceneAt(double t) {
    Scene current = new Black(0);
    for (Scene s : scenes) {
      if (s.fromSecond() <= t) {
        current = s;
      }
    }
    return current;
  }

  private BufferedImage draw(Scene scene) {
    var image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.BLACK);
    g.fillRect(0, 0, width, height);
    switch (scene) {
      case TitleCard card -> drawTitle(g, card.lines());
      case Picture p -> drawPicture(g, p.seed());
      case Black b -> { }
    }
    g.dispose();
    return image;
  }

  private void drawTitle(Graphics2D g, List<String> lines) {
    g.setColor(Color.WHITE);
    int size = Math.max(12, height / 7);
    for (int i = 0; i < lines.size(); i++) {
      int points = i == 0 ? size : size * 2 / 3;
      FontMetrics m;
      do { // shrink until the line fits with a margin
        g.setFont(new Font(Font.SANS_SERIF, i == 0 ? Font.BOLD : Font.PLAIN, points--));
        m = g.getFontMetrics();
      } while (m.stringWidth(lines.get(i)) > width * 0.9 && points > 6);
      int y = height / 2 - (lines.size() - 1) * size / 2 + i * size;
      g.drawString(lines.get(i), (width - m.stringWidth(lines.get(i))) / 2, y);
    }
  }

  private void drawPicture(Graphics2D g, int seed) {
    var random = new Random(seed);
    g.setPaint(new GradientPaint(0, 0, new Color(random.nextInt(0xffffff)), width, height,
        new Color(random.nextInt(0xffffff))));
    g.fillRect(0, 0, width, height);
    for (int i = 0; i < 12; i++) {
      g.setColor(new Color(random.nextInt(0xffffff)));
      int w = 10 + random.nextInt(width / 3);
      int h = 10 + random.nextInt(height / 3);
      if (random.nextBoolean()) {
        g.fillOval(random.nextInt(width), random.nextInt(height), w, h);
      } else {
        g.fillRect(random.nextInt(width), random.nextInt(height), w, h);
      }
    }
  }

  /** A quiet 440 Hz tone for the span of one picture. */
  private static ShortBuffer tone(double from, double step) {
    int n = (int) Math.round(step * 16_000);
    short[] samples = new short[n];
    for (int i = 0; i < n; i++) {
      double t = from + i / 16_000.0;
      samples[i] = (short) (3000 * Math.sin(2 * Math.PI * 440 * t));
    }
    return ShortBuffer.wrap(samples);
  }
}
