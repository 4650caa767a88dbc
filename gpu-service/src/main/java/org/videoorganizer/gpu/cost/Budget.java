package org.videoorganizer.gpu.cost;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * Limits on remote analysis: dollars per UTC day, per UTC month, and per video. When one is
 * reached remote calls stop (local analysis goes on) until the day or month turns, or for good
 * for that video. A limit of 0 forbids remote calls; {@link #UNLIMITED} has none.
 */
public record Budget(double dailyUsd, double monthlyUsd, double perVideoUsd) {

  public static final Budget UNLIMITED = new Budget(Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE);

  public Budget {
    if (dailyUsd < 0 || monthlyUsd < 0 || perVideoUsd < 0) {
      throw new IllegalArgumentException("budgets must not be negative, got daily " + dailyUsd + ", monthly "
          + monthlyUsd + ", per video " + perVideoUsd);
    }
  }

  /** Why no more remote calls may be made for this video now, or empty when they may. */
  public Optional<String> stop(CostLedger ledger, String video, Clock clock) {
    Spending spent = Spending.of(ledger, video, clock);
    if (spent.thisMonth() >= monthlyUsd) {
      return Optional.of("monthly budget " + usd(monthlyUsd) + " reached (" + usd(spent.thisMonth()) + " spent since "
          + spent.day().withDayOfMonth(1) + "); remote analysis resumes next month");
    }
    if (spent.today() >= dailyUsd) {
      return Optional.of("daily budget " + usd(dailyUsd) + " reached (" + usd(spent.today()) + " spent today, UTC); "
          + "remote analysis resumes tomorrow");
    }
    if (spent.onVideo() >= perVideoUsd) {
      return Optional.of("per-video cap " + usd(perVideoUsd) + " reached (" + usd(spent.onVideo())
          + " spent on this video)");
    }
    return Optional.empty();
  }

  static String usd(double v) {
    return v >= Double.MAX_VALUE / 2 ? "unlimited" : String.format(Locale.ROOT, "$%.4f", v);
  }
}
