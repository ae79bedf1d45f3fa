package org.laurel.audit;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit log for the secretariat (the URL rules keep everyone else out): a filter, one page of
 * entries, and the verification of the whole chain.
 */
@Controller
class AuditPage {

  static final int PAGE_SIZE = 50;

  /** Before and after states longer than this are cut in the table and open in a details box. */
  static final int SUMMARY_LENGTH = 80;

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  /** An entry as the table shows it. */
  record Row(
      long seq,
      String time,
      String actor,
      String action,
      String entityType,
      String entityId,
      @Nullable String before,
      @Nullable String beforeShort,
      @Nullable String after,
      @Nullable String afterShort,
      String hash) {

    static Row of(AuditEntry e) {
      return new Row(
          e.seq(),
          UTC.format(e.occurredAt()),
          e.actor(),
          e.action(),
          e.entityType(),
          e.entityId(),
          e.before(),
          shorten(e.before()),
          e.after(),
          shorten(e.after()),
          e.hash());
    }

    /** Whether the state is cut in the table, so that a details box shows it whole. */
    public boolean beforeCut() {
      return before != null && before.length() > SUMMARY_LENGTH;
    }

    public boolean afterCut() {
      return after != null && after.length() > SUMMARY_LENGTH;
    }

    public String hashShort() {
      return hash.length() > 12 ? hash.substring(0, 12) + "…" : hash;
    }
  }

  private final AuditLog log;
  private final AuditChain chain;

  AuditPage(AuditLog log, AuditChain chain) {
    this.log = log;
    this.chain = chain;
  }

  @GetMapping("/audit")
  String audit(
      @RequestParam(required = false) @Nullable String entityType,
      @RequestParam(required = false) @Nullable String actor,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate to,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    int p = Math.max(page, 0);
    String type = blank(entityType);
    String who = blank(actor);
    // one row more than a page tells whether there is a next page
    List<AuditEntry> entries =
        log.search(new AuditLog.AuditFilter(type, null, who, from, to, p, PAGE_SIZE + 1));
    boolean hasNext = entries.size() > PAGE_SIZE;
    model.addAttribute("rows", entries.stream().limit(PAGE_SIZE).map(Row::of).toList());
    model.addAttribute("entityTypes", log.entityTypes());
    model.addAttribute("entityType", type);
    model.addAttribute("actor", who);
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    model.addAttribute("page", p);
    model.addAttribute("prevUrl", p > 0 ? url(type, who, from, to, p - 1) : null);
    model.addAttribute("nextUrl", hasNext ? url(type, who, from, to, p + 1) : null);
    model.addAttribute("verification", chain.verify());
    return "audit/list";
  }

  private static String url(
      @Nullable String type,
      @Nullable String actor,
      @Nullable LocalDate from,
      @Nullable LocalDate to,
      int page) {
    UriComponentsBuilder b = UriComponentsBuilder.fromPath("/audit");
    if (type != null) {
      b.queryParam("entityType", type);
    }
    if (actor != null) {
      b.queryParam("actor", actor);
    }
    if (from != null) {
      b.queryParam("from", from);
    }
    if (to != null) {
      b.queryParam("to", to);
    }
    return b.queryParam("page", page).encode().build().toUriString();
  }

  private static @Nullable String shorten(@Nullable String s) {
    if (s == null || s.length() <= SUMMARY_LENGTH) {
      return s;
    }
    return s.substring(0, SUMMARY_LENGTH) + "…";
  }

  private static @Nullable String blank(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
