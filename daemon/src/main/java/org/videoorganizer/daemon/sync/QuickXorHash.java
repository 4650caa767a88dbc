package org.videoorganizer.daemon.sync;

import java.security.MessageDigest;

/**
 * Microsoft's QuickXorHash (OneDrive; rclone's {@code quickxor}): a 160-bit state in which byte
 * {@code n} of the file is XORed in at bit {@code (n * 11) mod 160}, wrapping round past bit 159,
 * the state read as little-endian bytes, and the file's length (64-bit little-endian) XORed into
 * its last 8 bytes. Bytes {@code 160} apart land on the same bits, so each update folds them first.
 */
final class QuickXorHash extends MessageDigest {

  private static final int WIDTH_BITS = 160;
  private static final int SHIFT = 11;
  private static final int SIZE = WIDTH_BITS / 8;

  private final byte[] state = new byte[SIZE];
  /** Bit position of the next byte: {@code (length * 11) mod 160}. */
  private int shift;
  private long length;

  QuickXorHash() {
    super("QuickXorHash");
  }

  @Override
  protected void engineUpdate(byte input) {
    engineUpdate(new byte[] {input}, 0, 1);
  }

  @Override
  protected void engineUpdate(byte[] input, int offset, int len) {
    for (int i = 0; i < Math.min(len, WIDTH_BITS); i++) {
      int folded = 0;
      for (int j = offset + i; j < offset + len; j += WIDTH_BITS) {
        folded ^= input[j];
      }
      xorAt((shift + i * SHIFT) % WIDTH_BITS, folded & 0xff);
    }
    shift = (int) ((shift + (long) SHIFT * (len % WIDTH_BITS)) % WIDTH_BITS);
    length += len;
  }

  private void xorAt(int bit, int b) {
    int at = bit / 8;
    int within = bit % 8;
    state[at] ^= (byte) (b << within);
    if (within > 0) {
      state[(at + 1) % SIZE] ^= (byte) (b >>> (8 - within));
    }
  }

  @Override
  protected byte[] engineDigest() {
    byte[] out = state.clone();
    for (int i = 0; i < 8; i++) {
      out[SIZE - 8 + i] ^= (byte) (length >>> (8 * i));
    }
    engineReset();
    return out;
  }

  @Override
  protected void engineReset() {
    java.util.Arrays.fill(state, (byte) 0);
    shift = 0;
    length = 0;
  }

  @Override
  protected int engineGetDigestLength() {
    return SIZE;
  }
}
