package org.videoorganizer.daemon.sync;

import java.nio.file.Path;
import java.util.List;

/**
 * A child JVM that publishes one file and is killed with SIGKILL mid-upload by {@link
 * SigkillPublishTest}. Args: rclone.conf, rcd log file, library fs, journal, local file, library path.
 */
public final class PublishingMain {

  public static void main(String[] args) throws Exception {
    RcloneSettings settings = RcloneSettings.defaults().withConfigFile(Path.of(args[0])).withBwlimit("2M");
    RcdSupervisor rcd = new RcdSupervisor(settings, Path.of(args[1]));
    try (RemoteLibraryPublisher p = new RemoteLibraryPublisher(rcd, args[2], Path.of(args[3]))) {
      System.out.println(p.publish("unit-1", List.of(new RemoteLibraryPublisher.Item(Path.of(args[4]), args[5]))));
    }
    rcd.close();
  }
}
