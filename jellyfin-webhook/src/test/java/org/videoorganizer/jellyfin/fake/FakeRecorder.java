package org.videoorganizer.jellyfin.fake;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every request the fake received, for counting calls in tests. */
public final class FakeRecorder {

  /** One request: method, path, raw query, the Authorization header and the body. */
  public record Call(String method, String path, String query, String authorization, String body) {}

  private final List<Call> calls = new CopyOnWriteArrayList<>();

  void record(Call call) {
    calls.add(call);
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }

  int count(String method, String path) {
    return (int) calls.stream()
        .filter(c -> c.method().equalsIgnoreCase(method) && c.path().equalsIgnoreCase(path))
        .count();
  }
}
