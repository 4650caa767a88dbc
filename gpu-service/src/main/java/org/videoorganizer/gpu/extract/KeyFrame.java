package org.videoorganizer.gpu.extract;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * One picture taken from a video, scaled to at most 768 pixels wide.
 *
 * @param at where in the video it was taken
 * @param image the picture (a copy owned by this record; do not change it)
 * @param meanLuma mean brightness 0..255
 * @param lumaSpread standard deviation of brightness (near 0: a uniform frame)
 * @param hash 63-bit perceptual hash (DCT of a 32x32 grey copy), for near-duplicates
 * @param opening whether it was chosen from the opening of the video (title cards)
 */
public record KeyFrame(Duration at, BufferedImage image, double meanLuma, double lumaSpread, long hash,
    boolean opening) {

  /** The picture as JPEG (quality 0.85), as sent to vision models. */
  public byte[] jpeg() {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    var out = new ByteArrayOutputStream(64 * 1024);
    try (var stream = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(stream);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.85f);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode a frame as JPEG", e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }
}
