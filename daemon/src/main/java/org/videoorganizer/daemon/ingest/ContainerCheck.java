package org.videoorganizer.daemon.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Set;

/**
 * Tells a truncated or broken video from a whole one by its container structure alone: a few
 * small reads, never the whole file. Knows ISO BMFF (MP4, MOV, M4V: the top-level boxes must
 * fit in the file and one of them must be the {@code moov} index), Matroska/WebM (the EBML
 * header and the Segment must fit, unless the Segment's size is "unknown") and AVI (the RIFF
 * size must fit). Anything else is {@link Unknown}: the check has nothing to say about it.
 */
public final class ContainerCheck {

  /** What the structure says about a file. */
  public sealed interface Result permits Ok, Unknown, Damaged {}

  /** A recognised container whose structure fits the file. */
  public record Ok() implements Result {}

  /** No recognised magic: not a container this check knows. */
  public record Unknown() implements Result {}

  /** A recognised container that is cut short or broken; {@code reason} says how. */
  public record Damaged(String reason) implements Result {}

  private static final Set<String> EXTENSIONS = Set.of("mp4", "m4v", "mov", "mkv", "webm", "avi");
  /** Box types a QuickTime or ISO BMFF file may start with. */
  private static final Set<String> FIRST_BOXES = Set.of("ftyp", "moov", "mdat", "free", "skip", "wide", "pnot");
  private static final int MAX_BOXES = 100_000;

  private ContainerCheck() {}

  /** Whether the file's extension names a container this check knows. */
  public static boolean isVideoContainer(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot >= 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  /** Reads the structure of {@code file} (without following a symbolic link). */
  public static Result check(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      long size = ch.size();
      ByteBuffer head = read(ch, 0, 16);
      if (head.remaining() < 8) {
        return new Unknown();
      }
      if (u8(head, 0) == 0x1A && u8(head, 1) == 0x45 && u8(head, 2) == 0xDF && u8(head, 3) == 0xA3) {
        return matroska(ch, size);
      }
      if (head.remaining() >= 12 && ascii(head, 0, 4).equals("RIFF") && ascii(head, 8, 3).equals("AVI")) {
        long riff = Integer.toUnsignedLong(head.order(ByteOrder.LITTLE_ENDIAN).getInt(4));
        if (riff + 8 > size) {
          return new Damaged("truncated: the AVI (RIFF) needs " + (riff + 8) + " bytes, the file ends after " + size);
        }
        return new Ok();
      }
      if (FIRST_BOXES.contains(ascii(head, 4, 4))) {
        return isoBmff(ch, size);
      }
      return new Unknown();
    }
  }

  private static Result isoBmff(FileChannel ch, long size) throws IOException {
    long pos = 0;
    boolean moov = false;
    for (int boxes = 0; pos < size; boxes++) {
      if (boxes >= MAX_BOXES) {
        return new Damaged("more than " + MAX_BOXES + " top-level boxes: the file is corrupt");
      }
      ByteBuffer b = read(ch, pos, 16);
      if (b.remaining() < 8) {
        return new Damaged("truncated: a box header at offset " + pos + " needs 8 bytes, the file ends after "
            + (size - pos));
      }
      String type = ascii(b, 4, 4);
      if (!type.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
        return new Damaged("no valid box at offset " + pos + ": the file is corrupt");
      }
      long boxSize = Integer.toUnsignedLong(b.getInt(0));
      int header = 8;
      if (boxSize == 1) {
        if (b.remaining() < 16) {
          return new Damaged("truncated: box '" + type + "' needs 16 header bytes, the file ends after " + (size - pos));
        }
        boxSize = b.getLong(8);
        header = 16;
        if (boxSize < 0) {
          return new Damaged("truncated: box '" + type + "' needs " + Long.toUnsignedString(boxSize)
              + " bytes, the file ends after " + (size - pos));
        }
      } else if (boxSize == 0) {
        boxSize = size - pos;
      }
      if (boxSize < header) {
        return new Damaged("box '" + type + "' at offset " + pos + " claims an impossible size of " + boxSize + " bytes");
      }
      if (boxSize > size - pos) {
        return new Damaged("truncated: box '" + type + "' needs " + boxSize + " bytes, the file ends after " + (size - pos));
      }
      moov |= type.equals("moov");
      pos += boxSize;
    }
    return moov ? new Ok() : new Damaged("no 'moov' index: the download is incomplete");
  }

  private static Result matroska(FileChannel ch, long size) throws IOException {
    long[] header = vint(read(ch, 4, 8));
    if (header == null) {
      return new Damaged("the EBML header has an invalid size field");
    }
    long segmentAt = 4 + header[1];
    if (header[0] < 0 || header[0] > size - segmentAt) {
      return new Damaged("truncated: the EBML header needs " + (header[0] < 0 ? "an unknown number of" : header[0])
          + " bytes, the file ends after " + (size - segmentAt));
    }
    segmentAt += header[0];
    ByteBuffer seg = read(ch, segmentAt, 12);
    if (seg.remaining() < 4) {
      return new Damaged("truncated: no Segment after the EBML header, the file ends after " + segmentAt + " bytes");
    }
    if (u8(seg, 0) != 0x18 || u8(seg, 1) != 0x53 || u8(seg, 2) != 0x80 || u8(seg, 3) != 0x67) {
      return new Damaged("no Segment after the EBML header: the file is corrupt");
    }
    long[] segment = vint(seg.position(4).slice());
    if (segment == null) {
      return new Damaged("the Segment has an invalid size field");
    }
    if (segment[0] < 0) {
      return new Ok();
    }
    long dataAt = segmentAt + 4 + segment[1];
    if (segment[0] > size - dataAt) {
      return new Damaged("truncated: the Segment needs " + segment[0] + " bytes, the file ends after "
          + Math.max(0, size - dataAt));
    }
    return new Ok();
  }

  /**
   * An EBML variable-length integer at the start of {@code b}: {value, length in bytes}, value -1
   * for "unknown" (all value bits set), or null when the bytes are not a valid one.
   */
  static long[] vint(ByteBuffer b) {
    if (b.remaining() < 1) {
      return null;
    }
    int first = u8(b, 0);
    int length = Integer.numberOfLeadingZeros(first) - 23;
    if (first == 0 || length > b.remaining()) {
      return null;
    }
    long value = first & (0xFF >> length);
    boolean allOnes = value == (0xFF >> length);
    for (int i = 1; i < length; i++) {
      int next = u8(b, i);
      value = (value << 8) | next;
      allOnes &= next == 0xFF;
    }
    return new long[] {allOnes ? -1 : value, length};
  }

  private static ByteBuffer read(FileChannel ch, long pos, int n) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(n);
    while (b.hasRemaining() && pos + b.position() < ch.size()) {
      if (ch.read(b, pos + b.position()) < 0) {
        break;
      }
    }
    return b.flip();
  }

  private static int u8(ByteBuffer b, int i) {
    return b.get(i) & 0xFF;
  }

  private static String ascii(ByteBuffer b, int at, int n) {
    byte[] bytes = new byte[n];
    b.get(at, bytes);
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }
}
