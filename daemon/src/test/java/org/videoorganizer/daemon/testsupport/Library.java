package org.videoorganizer.daemon.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/** Input files with known content, and the checks that prove none was lost or doubled. */
public final class Library {

  private static final String[] ADJECTIVES = {"Amber", "Silent", "Crimson", "Hollow", "Golden", "Distant", "Frozen",
      "Broken", "Hidden", "Restless", "Scarlet", "Wandering", "Burning", "Quiet", "Savage", "Gentle", "Lonely",
      "Electric", "Velvet", "Iron"};
  private static final String[] NOUNS = {"Harbor", "Falcon", "Meadow", "Lantern", "Canyon", "Orchard", "Glacier",
      "Tower", "Ember", "Compass", "River", "Garden", "Station", "Voyage", "Anthem", "Citadel", "Mirror", "Horizon",
      "Orbit", "Winter"};

  private Library() {}

  /** A movie-like name the parser reads as one distinct title and year. */
  public static String movieName(int i) {
    return ADJECTIVES[i % ADJECTIVES.length] + " " + NOUNS[(i / ADJECTIVES.length) % NOUNS.length] + " ("
        + (1950 + i % 70) + ").mkv";
  }

  /** Writes {@code count} files of random size and content; returns sha256 -> name. */
  public static Map<String, String> writeInputs(Path dir, int from, int count, long seed) throws IOException {
    Files.createDirectories(dir);
    Random random = new Random(seed);
    Map<String, String> byHash = new HashMap<>();
    for (int i = from; i < from + count; i++) {
      byte[] bytes = new byte[32 * 1024 + random.nextInt(224 * 1024)];
      random.nextBytes(bytes);
      String name = movieName(i);
      Path tmp = dir.resolve("." + name + ".partial");
      Files.write(tmp, bytes);
      Files.move(tmp, dir.resolve(name));
      byHash.put(sha256(bytes), name);
    }
    return byHash;
  }

  /** sha256 -> paths of every regular file below {@code root}, hidden folders excluded unless asked. */
  public static Map<String, List<Path>> contents(Path root, boolean hidden) throws IOException {
    Map<String, List<Path>> out = new HashMap<>();
    if (!Files.exists(root)) {
      return out;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        if (!hidden && root.relativize(p).toString().matches("(.*/)?\\..*")) {
          continue;
        }
        out.computeIfAbsent(sha256(p), k -> new ArrayList<>()).add(p);
      }
    }
    return out;
  }

  public static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = digest();
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    }
  }

  static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
