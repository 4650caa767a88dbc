package org.videoorganizer.daemon.sync;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Dropbox's content hash (rclone's {@code dropbox}): the SHA-256 of the SHA-256s of each 4 MiB
 * block of the file, one after the other (the last block may be shorter; an empty file has none).
 */
final class DropboxContentHash extends MessageDigest {

  static final int BLOCK = 4 * 1024 * 1024;

  private final MessageDigest block = sha256();
  private final MessageDigest overall = sha256();
  private int inBlock;

  DropboxContentHash() {
    super("DropboxContentHash");
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  protected void engineUpdate(byte input) {
    engineUpdate(new byte[] {input}, 0, 1);
  }

  @Override
  protected void engineUpdate(byte[] input, int offset, int len) {
    while (len > 0) {
      int n = Math.min(len, BLOCK - inBlock);
      block.update(input, offset, n);
      inBlock += n;
      offset += n;
      len -= n;
      if (inBlock == BLOCK) {
        endBlock();
      }
    }
  }

  private void endBlock() {
    overall.update(block.digest());
    inBlock = 0;
  }

  @Override
  protected byte[] engineDigest() {
    if (inBlock > 0) {
      endBlock();
    }
    byte[] out = overall.digest();
    engineReset();
    return out;
  }

  @Override
  protected void engineReset() {
    block.reset();
    overall.reset();
    inBlock = 0;
  }

  @Override
  protected int engineGetDigestLength() {
    return 32;
  }
}
