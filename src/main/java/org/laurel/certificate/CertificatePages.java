package org.laurel.certificate;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.laurel.certificate.Certificates.Filter;
import org.laurel.certificate.Certificates.IssueRequest;
import org.laurel.certificate.Certificates.Revocation;
import org.laurel.shared.ConflictException;
import org.laurel.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public verification page (no sign-in, phone-friendly) and the secretariat's certificate list
 * with its issue and revoke forms.
 */
@Controller
class CertificatePages {

  static final ZoneId PROVINCE = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final Certificates certificates;
  private final MessageSource messages;

  CertificatePages(Certificates certificates, MessageSource messages) {
    this.certificates = certificates;
    this.messages = messages;
  }

  @GetMapping("/verify/{id}")
  String verify(@PathVariable String id, Model model, Locale locale, HttpServletResponse res) {
    CertificateView c = certificates.get(id);
    res.setHeader("Cache-Control", "no-cache");
    model.addAttribute("c", c);
    model.addAttribute("awardName", c.awardName(locale));
    model.addAttribute("issuerName", c.issuerName(locale));
    model.addAttribute(
        "decisionDate", c.decisionDate() == null ? null : c.decisionDate().format(DAY));
    model.addAttribute("issuedAt", day(c.issuedAt()));
    model.addAttribute("revokedAt", c.revokedAt() == null ? null : day(c.revokedAt()));
    model.addAttribute("credentialUrl", "/api/v1/certificates/" + c.publicId() + "/credential");
    model.addAttribute("keysUrl", certificates.keysUrl());
    model.addAttribute("statusListUrl", certificates.statusListUrl(c.issuerCode()));
    return "certificate/verify";
  }

  @GetMapping("/certificates")
  String list(
      @RequestParam(required = false) @Nullable Long person,
      @RequestParam(required = false) @Nullable String unit,
      @RequestParam(required = false) @Nullable Integer year,
      @RequestParam(required = false) @Nullable String award,
      Model model) {
    List<CertificateView> found;
    if (award != null && !award.isBlank()) {
      found = certificates.ofAwards(parseIds(award, "award"));
    } else {
      found = certificates.search(new Filter(person, unit, year));
    }
    model.addAttribute("certificates", found);
    model.addAttribute("person", person);
    model.addAttribute("unit", unit);
    model.addAttribute("year", year);
    model.addAttribute("award", award);
    model.addAttribute(
        "awardIds", String.join(",", found.stream().map(c -> Long.toString(c.awardId())).toList()));
    return "certificate/list";
  }

  @PostMapping("/certificates/issue")
  String issue(@RequestParam String awardIds, RedirectAttributes redirect, Locale locale) {
    List<Long> ids = parseIds(awardIds, "awardIds");
    List<CertificateView> issued;
    try {
      issued = certificates.issue(new IssueRequest(ids));
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute(
          "flash", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
      return "redirect:/certificates";
    }
    redirect.addFlashAttribute(
        "flash",
        messages.getMessage("certificate.issue.done", new Object[] {issued.size()}, locale));
    return "redirect:/certificates?award="
        + String.join(",", ids.stream().map(String::valueOf).toList());
  }

  @PostMapping("/certificates/{id}/revoke")
  String revoke(
      @PathVariable String id,
      @RequestParam(defaultValue = "") String reason,
      @RequestParam(required = false) @Nullable String decision,
      RedirectAttributes redirect,
      Locale locale) {
    if (reason.isBlank()) {
      throw new InvalidInputException("reason", "error.invalid");
    }
    CertificateView c;
    try {
      c = certificates.revoke(id, new Revocation(reason, decision));
    } catch (ConflictException e) {
      redirect.addFlashAttribute(
          "flash", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
      return "redirect:/certificates?award=" + certificates.get(id).awardId();
    }
    redirect.addFlashAttribute(
        "flash", messages.getMessage("certificate.revoke.done", null, locale));
    return "redirect:/certificates?award=" + c.awardId();
  }

  @GetMapping("/certificates/batch.pdf")
  ResponseEntity<byte[]> batch(
      @RequestParam String awardIds, @RequestParam(defaultValue = "FULL") PdfLayout layout) {
    List<Long> ids = parseIds(awardIds, "awardIds");
    return CertificateApi.pdfResponse(
        certificates.pdf(new IssueRequest(ids), layout), "chung-nhan-" + ids.size() + ".pdf");
  }

  static List<Long> parseIds(String text, String field) {
    List<Long> ids = new ArrayList<>();
    for (String part : text.split("[,;\\s]+")) {
      if (part.isBlank()) {
        continue;
      }
      try {
        ids.add(Long.parseLong(part.trim()));
      } catch (NumberFormatException e) {
        throw new InvalidInputException(field, "error.certificate.awardIds");
      }
    }
    if (ids.isEmpty() || ids.size() > 1000) {
      throw new InvalidInputException(field, "error.certificate.awardIds");
    }
    return ids;
  }

  private static String day(Instant t) {
    return t.atZone(PROVINCE).toLocalDate().format(DAY);
  }
}
