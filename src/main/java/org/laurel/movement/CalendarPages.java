package org.laurel.movement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The calendar: every milestone and registration deadline of the year's movements, by month. */
@Controller
class CalendarPages {

  /** One dated entry: a milestone, or a registration deadline (kind {@code REGISTRATION}). */
  record Entry(LocalDate day, String kind, String title, long movementId, String movementTitle) {}

  private final Movements movements;
  private final Clock clock;

  CalendarPages(Movements movements, Clock clock) {
    this.movements = movements;
    this.clock = clock;
  }

  @GetMapping("/calendar")
  String calendar(@RequestParam(required = false) @Nullable Integer year, Model model) {
    LocalDate today = LocalDate.now(clock);
    List<Entry> entries = new ArrayList<>();
    for (MovementView m : movements.list(null)) {
      if (m.status() == MovementStatus.DRAFT) {
        continue;
      }
      for (MovementView.Milestone x : m.milestones()) {
        entries.add(new Entry(x.dueOn(), x.kind().name(), x.title(), m.id(), m.title()));
      }
      if (m.registrationDeadline() != null) {
        entries.add(new Entry(m.registrationDeadline(), "REGISTRATION", "", m.id(), m.title()));
      }
    }
    int shown =
        year != null
            ? year
            : entries.stream()
                .map(Entry::day)
                .filter(d -> !d.isBefore(today))
                .min(Comparator.naturalOrder())
                .orElse(today)
                .getYear();
    Map<YearMonth, List<Entry>> months = new LinkedHashMap<>();
    entries.stream()
        .filter(e -> e.day().getYear() == shown)
        .sorted(Comparator.comparing(Entry::day))
        .forEach(
            e -> months.computeIfAbsent(YearMonth.from(e.day()), k -> new ArrayList<>()).add(e));
    model.addAttribute("year", shown);
    model.addAttribute("months", months);
    model.addAttribute("today", today);
    return "movement/calendar";
  }
}
