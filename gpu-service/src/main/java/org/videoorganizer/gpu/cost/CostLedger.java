package org.videoorganizer.gpu.cost;

import java.time.Instant;
import java.util.List;

/**
 * Where cost records are kept. The daemon's store implements it over a table;
 * {@link InMemoryCostLedger} serves the command line and tests.
 */
public interface CostLedger {

  void record(CostRecord cost);

  /** Dollars spent from {@code from} (inclusive) to {@code to} (exclusive). */
  double spentBetween(Instant from, Instant to);

  /** Dollars spent on one video, all time. */
  double spentOn(String video);

  /** The records of one video, oldest first. */
  List<CostRecord> recordsOf(String video);
}
