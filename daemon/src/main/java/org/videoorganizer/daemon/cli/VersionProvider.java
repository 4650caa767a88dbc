package org.videoorganizer.daemon.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version Maven wrote into {@code vorg-version.properties} at build time. */
final class VersionProvider implements IVersionProvider {

  static String version() {
    try (InputStream in = VersionProvider.class.getResourceAsStream("/vorg-version.properties")) {
      if (in == null) {
        return "unknown";
      }
      var props = new Properties();
      props.load(in);
      return props.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read vorg-version.properties", e);
    }
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "vorg " + version(),
      "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"
    };
  }
}
