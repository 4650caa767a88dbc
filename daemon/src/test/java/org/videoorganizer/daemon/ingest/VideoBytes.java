package org.videoorganizer.daemon.ingest;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Minimal container files built byte by byte, for tests of {@link ContainerCheck}. */
public final class VideoBytes {

  private VideoBytes() {}

  /** An ISO BMFF box with a 32-bit size: size(4) type(4) payload. */
  public static byte[] box(String type, byte[] payload) {
    return ByteBuffer.allocate(8 + payload.length).putInt(8 + payload.length)
        .put(type.getBytes(StandardCharsets.US_ASCII)).put(payload).array();
  }

  /** A box header with size 1 and a 64-bit largesize, followed by {@code payload}. */
  public static byte[] largeBox(String type, long largesize, byte[] payload) {
    return ByteBuffer.allocate(16 + payload.length).putInt(1)
        .put(type.getBytes(StandardCharsets.US_ASCII)).putLong(largesize).put(payload).array();
  }

  /** ftyp + moov + mdat: the smallest whole MP4. */
  public static byte[] mp4() {
    return concat(ftyp(), box("moov", box("mvhd", new byte[100])), box("mdat", filler(1000)));
  }

  public static byte[] ftyp() {
    return box("ftyp", "isom\0\0\2\0isomiso2mp41".getBytes(StandardCharsets.US_ASCII));
  }

  /** EBML header (DocType {@code docType}) + a Segment whose size is written in 8 bytes. */
  public static byte[] mkv(String docType, int payload) {
    byte[] doc = docType.getBytes(StandardCharsets.US_ASCII);
    byte[] headerData = concat(new byte[] {0x42, (byte) 0x82, (byte) (0x80 | doc.length)}, doc);
    byte[] header = concat(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) (0x80 | headerData.length)}, headerData);
    byte[] segment = ByteBuffer.allocate(12).put(new byte[] {0x18, 0x53, (byte) 0x80, 0x67})
        .putLong(0x0100_0000_0000_0000L | payload).array();
    return concat(header, segment, filler(payload));
  }

  /** RIFF 'AVI ' with one LIST chunk of {@code payload} bytes. */
  public static byte[] avi(int payload) {
    byte[] list = ByteBuffer.allocate(8 + payload).order(ByteOrder.LITTLE_ENDIAN)
        .put("LIST".getBytes(StandardCharsets.US_ASCII)).putInt(payload).put(filler(payload)).array();
    return ByteBuffer.allocate(12 + list.length).order(ByteOrder.LITTLE_ENDIAN)
        .put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(4 + list.length)
        .put("AVI ".getBytes(StandardCharsets.US_ASCII)).put(list).array();
  }

  public static byte[] cut(byte[] bytes, int last) {
    return Arrays.copyOf(bytes, bytes.length - last);
  }

  public static byte[] concat(byte[]... parts) {
    var out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static byte[] filler(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i * 31);
    }
    return b;
  }
}
