package org.laurel.reward;

import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.laurel.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Reward pages: the public notice for anyone (no sign-in; comments are sent by a small script to
 * the portal API), and the secretariat's read-only view of proposals with their eligibility
 * reports. The workflow's steps are taken through the API.
 */
@Controller
class RewardPages {

  private final PortalNotices notices;
  private final NoticeComments comments;
  private final Proposals proposals;
  private final AwardCatalogue catalogue;

  RewardPages(
      PortalNotices notices,
      NoticeComments comments,
      Proposals proposals,
      AwardCatalogue catalogue) {
    this.notices = notices;
    this.comments = comments;
    this.proposals = proposals;
    this.catalogue = catalogue;
  }

  @GetMapping("/portal/notices")
  String notices(@RequestParam(required = false) @Nullable String receipt, Model model) {
    model.addAttribute("notices", notices.list());
    model.addAttribute("awards", awardNames());
    if (receipt != null && !receipt.isBlank()) {
      model.addAttribute("receipt", receipt.trim());
      model.addAttribute("followed", comments.byReceipt(receipt).orElse(null));
    }
    return "reward/notices";
  }

  @GetMapping("/portal/notices/{id}")
  String notice(@PathVariable long id, Model model) {
    model.addAttribute(
        "notice",
        notices.get(id).orElseThrow(() -> new NotFoundException("error.notice.notFound", id)));
    model.addAttribute("awards", awardNames());
    return "reward/notice";
  }

  @GetMapping("/rewards/proposals")
  String proposals(@RequestParam(required = false) @Nullable Integer year, Model model) {
    model.addAttribute("year", year);
    model.addAttribute("proposals", proposals.list(null, year));
    model.addAttribute("awards", awardNames());
    return "reward/proposals";
  }

  @GetMapping("/rewards/proposals/{id}")
  String proposal(@PathVariable long id, Model model) {
    model.addAttribute("p", proposals.get(id));
    model.addAttribute("comments", comments.of(id));
    model.addAttribute("awards", awardNames());
    return "reward/proposal";
  }

  private Map<String, String> awardNames() {
    java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
    return catalogue.types().stream()
        .collect(
            Collectors.toMap(
                AwardType::code, t -> t.name(locale), (a, b) -> a, java.util.LinkedHashMap::new));
  }
}
