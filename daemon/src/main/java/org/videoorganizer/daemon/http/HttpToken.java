package org.videoorganizer.daemon.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.videoorganizer.config.VorgConfig.HttpConfig;

/**
 * The bearer token {@code /api/*} requires: the configured one ({@code VORG_HTTP_TOKEN}), else
 * the one kept in {@code data_dir/http-token}, made on the first start (256 random bits,
 * readable by its owner only), so a local user who cannot read the data folder cannot read the
 * status either.
 *
 * @param file where the token is kept, empty when it was configured
 */
public record HttpToken(String value, Optional<Path> file) {

  public static final String FILE_NAME = "http-token";
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  @Override
  public String toString() {
    return "HttpToken[" + file.map(Path::toString).orElse("configured") + "]";
  }

  /** The configured token, or the kept one, made now if there is none. */
  public static HttpToken resolve(HttpConfig config, Path dataDir) throws IOException {
    if (config.token().isPresent()) {
      return new HttpToken(config.token().get().reveal(), Optional.empty());
    }
    Path file = dataDir.resolve(FILE_NAME);
    if (!Files.exists(file)) {
      create(file);
    }
    return new HttpToken(read(file), Optional.of(file));
  }

  /** Whether an {@code Authorization} header carries this token; compared in constant time. */
  public boolean accepts(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    byte[] sent = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(sent, value.getBytes(StandardCharsets.UTF_8));
  }

  private static void create(Path file) throws IOException {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    Path tmp = Files.createTempFile(file.getParent(), ".http-token", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    try {
      Files.writeString(tmp, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "\n");
      try {
        Files.createLink(file, tmp); // fails when another daemon on this data_dir made it first: use theirs
      } catch (FileAlreadyExistsException e) {
        // keep the existing one
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static String read(Path file) throws IOException {
    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
    if (perms.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
      throw new IOException(file + " can be read by others: chmod 600 it, or delete it so a new token is made");
    }
    String text = Files.readString(file).strip();
    if (text.length() < 16) {
      throw new IOException(file + " holds no usable token (at least 16 characters): delete it so a new one is made");
    }
    return text;
  }
}
