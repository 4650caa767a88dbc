package org.videoorganizer.gpu.extract;

import java.awt.image.BufferedImage;

/** Brightness statistics and a perceptual hash of a picture (pure Java, about 2 ms per frame). */
final class FrameStats {

  static final int HASH_SIZE = 32;

  final double mean;
  final double spread;
  final long hash;

  private FrameStats(double mean, double spread, long hash) {
    this.mean = mean;
    this.spread = spread;
    this.hash = hash;
  }

  static FrameStats of(BufferedImage image) {
    double[][] grey = shrink(image, HASH_SIZE);
    double sum = 0;
    double squares = 0;
    for (double[] row : grey) {
      for (double v : row) {
        sum += v;
        squares += v * v;
      }
    }
    int n = HASH_SIZE * HASH_SIZE;
    double mean = sum / n;
    double spread = Math.sqrt(Math.max(0, squares / n - mean * mean));
    return new FrameStats(mean, spread, phash(grey));
  }

  /** Hamming distance between two hashes: 0-6 for the same picture re-encoded, 18+ for different scenes. */
  static int distance(long a, long b) {
    return Long.bitCount(a ^ b);
  }

  /** Box-filtered grey copy, size x size. */
  private static double[][] shrink(BufferedImage image, int size) {
    int w = image.getWidth();
    int h = image.getHeight();
    double[][] out = new double[size][size];
    int[] counts = new int[size * size];
    int step = Math.max(1, Math.min(w, h) / (size * 4)); // sample, do not read every pixel
    for (int y = 0; y < h; y += step) {
      int cy = y * size / h;
      for (int x = 0; x < w; x += step) {
        int rgb = image.getRGB(x, y);
        double luma = 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
        int cx = x * size / w;
        out[cy][cx] += luma;
        counts[cy * size + cx]++;
      }
    }
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        out[y][x] /= Math.max(1, counts[y * size + x]);
      }
    }
    return out;
  }

  private static final double[][] COS = new double[8][HASH_SIZE];

  static {
    for (int u = 0; u < 8; u++) {
      for (int x = 0; x < HASH_SIZE; x++) {
        COS[u][x] = Math.cos((2 * x + 1) * u * Math.PI / (2 * HASH_SIZE));
      }
    }
  }

  /** pHash: top-left 8x8 of the 2-D DCT-II without the DC term, each bit = above the median. */
  private static long phash(double[][] grey) {
    int n = grey.length;
    double[] coefficients = new double[64];
    for (int u = 0; u < 8; u++) {
      for (int v = 0; v < 8; v++) {
        double s = 0;
        for (int y = 0; y < n; y++) {
          double row = 0;
          for (int x = 0; x < n; x++) {
            row += grey[y][x] * COS[v][x];
          }
          s += row * COS[u][y];
        }
        coefficients[u * 8 + v] = s;
      }
    }
    double[] ac = java.util.Arrays.copyOfRange(coefficients, 1, 64);
    double[] sorted = ac.clone();
    java.util.Arrays.sort(sorted);
    double median = sorted[sorted.length / 2];
    long hash = 0;
    for (int i = 0; i < ac.length; i++) {
      if (ac[i] > median) {
        hash |= 1L << i;
      }
    }
    return hash;
  }
}
