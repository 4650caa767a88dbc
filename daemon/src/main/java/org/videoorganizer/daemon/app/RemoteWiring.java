package org.videoorganizer.daemon.app;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.videoorganizer.config.VorgConfig;
import org.videoorganizer.daemon.store.SyncStore;
import org.videoorganizer.daemon.sync.RcdSupervisor;
import org.videoorganizer.daemon.sync.RemoteLibrary;

/** The library on an rclone remote, when {@code library} names one: built on the daemon's one rclone. */
final class RemoteWiring {

  private RemoteWiring() {}

  static Optional<RemoteLibrary> library(VorgConfig config, Optional<RcdSupervisor> rcd, SyncStore store, Clock clock)
      throws IOException {
    if (config.rclone().remoteLibrary().isEmpty() || rcd.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(RemoteLibrary.of(rcd.get(), config.library(), config.rclone().remoteLibrary().get(), config.dataDir(),
        store, clock));
  }

  /**
   * Who holds remote sources' leases: the host and the data_dir, stable across restarts, so a
   * daemon killed and started again takes its sources back at once instead of after the lease.
   */
  static String syncOwner(VorgConfig config) {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      host = "localhost";
    }
    return host + ":" + config.dataDir().toAbsolutePath().normalize();
  }
}
