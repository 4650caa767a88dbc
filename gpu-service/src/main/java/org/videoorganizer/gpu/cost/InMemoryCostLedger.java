package org.videoorganizer.gpu.cost;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A ledger in memory, for one command-line run and for tests. Thread-safe. */
public final class InMemoryCostLedger implements CostLedger {

  private final List<CostRecord> records = new ArrayList<>();

  @Override
  public synchronized void record(CostRecord cost) {
    records.add(cost);
  }

  @Override
  public synchronized double spentBetween(Instant from, Instant to) {
    return records.stream().filter(r -> !r.at().isBefore(from) && r.at().isBefore(to)).mapToDouble(CostRecord::usd).sum();
  }

  @Override
  public synchronized double spentOn(String video) {
    return records.stream().filter(r -> r.video().equals(video)).mapToDouble(CostRecord::usd).sum();
  }

  @Override
  public synchronized List<CostRecord> recordsOf(String video) {
    return records.stream().filter(r -> r.video().equals(video)).toList();
  }

  public synchronized List<CostRecord> all() {
    return List.copyOf(records);
  }
}
