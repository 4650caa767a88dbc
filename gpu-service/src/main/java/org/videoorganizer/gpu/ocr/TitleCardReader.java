package org.videoorganizer.gpu.ocr;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.tesseract.ResultIterator;
import org.bytedeco.tesseract.TessBaseAPI;
import org.bytedeco.tesseract.global.tesseract;

/**
 * Reads the text of title cards and credits with Tesseract 5 in-process (bytedeco natives, the
 * English LSTM model from the tess4j jar, both from Maven: nothing to install). Frames are turned
 * grey, light-on-dark ones inverted, small ones doubled, and lines below the confidence floor are
 * dropped, since Tesseract reads noise into busy pictures. One reader holds one Tesseract engine;
 * calls are serialised, so give each worker thread its own reader for parallel OCR.
 */
public final class TitleCardReader implements AutoCloseable {

  /** Lines read with less confidence than this are left out. */
  public static final double MIN_CONFIDENCE = 70;

  private final TessBaseAPI api = new TessBaseAPI();

  /** Starts an English engine, unpacking its model into {@code tessdataDir} on first use. */
  public TitleCardReader(Path tessdataDir) {
    Path data = unpack(tessdataDir);
    if (api.Init(data.toString(), "eng") != 0) {
      api.close();
      throw new IllegalStateException("Tesseract cannot load its English model from " + data);
    }
    api.SetPageSegMode(tesseract.PSM_SPARSE_TEXT);
    api.SetVariable("debug_file", "/dev/null");
  }

  /** A reader whose model is unpacked under the system temporary folder. */
  public static TitleCardReader create() {
    return new TitleCardReader(Path.of(System.getProperty("java.io.tmpdir"), "vorg-tessdata"));
  }

  /** The confident lines of text in a frame, top to bottom. */
  public synchronized List<OcrLine> read(BufferedImage frame, Duration at) {
    Grey grey = Grey.of(frame);
    api.SetImage(grey.pixels(), grey.width(), grey.height(), 1, grey.width());
    api.SetSourceResolution(300);
    var lines = new ArrayList<OcrLine>();
    if (api.Recognize(null) != 0) {
      return lines;
    }
    try (ResultIterator it = api.GetIterator()) {
      if (it == null || it.isNull()) {
        return lines;
      }
      do {
        BytePointer text = it.GetUTF8Text(tesseract.RIL_TEXTLINE);
        if (text == null || text.isNull()) {
          continue;
        }
        String line = text.getString().replaceAll("\\s+", " ").strip();
        text.deallocate();
        float confidence = it.Confidence(tesseract.RIL_TEXTLINE);
        if (!line.isEmpty() && confidence >= MIN_CONFIDENCE && line.chars().anyMatch(Character::isLetterOrDigit)) {
          lines.add(new OcrLine(line, confidence, at));
        }
      } while (it.Next(tesseract.RIL_TEXTLINE));
    } finally {
      api.Clear();
    }
    return lines;
  }

  @Override
  public synchronized void close() {
    api.End();
    api.close();
  }

  private static Path unpack(Path dir) {
    try {
      Files.createDirectories(dir);
      Path model = dir.resolve("eng.traineddata");
      if (Files.isRegularFile(model) && Files.size(model) > 1_000_000) {
        return dir;
      }
      try (InputStream in = TitleCardReader.class.getResourceAsStream("/tessdata/eng.traineddata")) {
        if (in == null) {
          throw new IllegalStateException("tessdata/eng.traineddata is not on the class path (the tess4j jar)");
        }
        Path part = Files.createTempFile(dir, ".eng", ".part");
        Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
        Files.move(part, model, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack the Tesseract model into " + dir, e);
    }
  }

  /** An 8-bit grey copy, dark text on light, at least 600 pixels high. */
  record Grey(byte[] pixels, int width, int height) {
    static Grey of(BufferedImage image) {
      int scale = image.getHeight() < 600 ? 2 : 1;
      int w = image.getWidth() * scale;
      int h = image.getHeight() * scale;
      byte[] out = new byte[w * h];
      long sum = 0;
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int rgb = image.getRGB(x / scale, y / scale);
          int luma = (299 * ((rgb >> 16) & 0xff) + 587 * ((rgb >> 8) & 0xff) + 114 * (rgb & 0xff)) / 1000;
          out[y * w + x] = (byte) luma;
          sum += luma;
        }
      }
      if (sum / (w * (long) h) < 100) {
        for (int i = 0; i < out.length; i++) {
          out[i] = (byte) (255 - (out[i] & 0xff));
        }
      }
      return new Grey(out, w, h);
    }
  }
}
