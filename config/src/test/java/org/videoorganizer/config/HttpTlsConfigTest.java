package org.videoorganizer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code http.tls_cert} and {@code http.tls_key}: both or neither, each a readable file. */
class HttpTlsConfigTest {

  private static final String MINIMAL = "sources: [{name: downloads, path: /srv/inbox}]\nlibrary: /srv/media\n";

  @TempDir Path dir;
  private final Map<String, String> env = new HashMap<>(Map.of("HOME", "/home/ann"));

  private VorgConfig load(String yaml) throws IOException {
    Path file = dir.resolve("vorg.yaml");
    Files.writeString(file, yaml);
    return ConfigLoader.load(Optional.of(file), env);
  }

  @Test
  void withoutThemThePageIsPlainHttp() throws IOException {
    assertThat(load(MINIMAL).http().tls()).isEmpty();
  }

  @Test
  void aCertificateAndKeyFromTheFileOrTheEnvironmentAreRead() throws IOException {
    Path cert = Files.writeString(dir.resolve("cert.pem"), "-----BEGIN CERTIFICATE-----\n");
    Path key = Files.writeString(dir.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\n");
    VorgConfig c = load(MINIMAL + "http: {tls_cert: " + cert + ", tls_key: " + key + "}\n");
    assertThat(c.http().tls()).contains(new VorgConfig.Tls(cert, key));
    env.put("VORG_HTTP_TLS_CERT", key.toString());
    assertThat(load(MINIMAL + "http: {tls_cert: " + cert + ", tls_key: " + key + "}\n").http().tls().orElseThrow().cert())
        .isEqualTo(key);
  }

  @Test
  void oneWithoutTheOtherOrAMissingFileIsRefusedNamingTheKey() throws IOException {
    Path cert = Files.writeString(dir.resolve("cert.pem"), "x");
    assertThatThrownBy(() -> load(MINIMAL + "http: {tls_cert: " + cert + "}\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("http.tls_key").hasMessageContaining("set together");
    assertThatThrownBy(() -> load(MINIMAL + "http: {tls_cert: " + cert + ", tls_key: " + dir.resolve("nope.pem") + "}\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("http.tls_key").hasMessageContaining("nope.pem");
  }
}
