package org.videoorganizer.gpu.cost;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    Instant dayStart = today.atStartOfDay().toInstant(ZoneOffset.UTC);
    Instant monthStart = today.withDayOfMonth(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    double month = ledger.spentBetween(monthStart, now.plusNanos(1));
    if (month >= monthlyUsd) {
      return Optional.of("monthly budget " + usd(monthlyUsd) + " reached (" + usd(month) + " spent since "
          + monthStart.toString().substring(0, 10) + "); remote analysis resumes next month");
    }
    double day = ledger.spentBetween(dayStart, now.plusNanos(1));
    if (day >= dailyUsd) {
      return Optional.of("daily budget " + usd(dailyUsd) + " reached (" + usd(day) + " spent today, UTC); "
          + "remote analysis resumes tomorrow");
    }
    double spent = ledger.spentOn(video);
    if (spent >= perVideoUsd) {
      return Optional.of("per-video cap " + usd(perVideoUsd) + " reached (" + usd(spent) + " spent on this video)");
    }
    return Optional.empty();
  }

  static String usd(double v) {
    return v >= Double.MAX_VALUE / 2 ? "unlimited" : String.format(Locale.ROOT, "$%.4f", v);
  }
}
