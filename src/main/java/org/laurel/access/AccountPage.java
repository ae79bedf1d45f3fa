package org.laurel.access;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own page: who they are and their personal API tokens. */
@Controller
class AccountPage {

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  static class TokenForm {
    @NotBlank
    @Size(max = 100)
    private String name = "";

    @Min(1)
    @Max(730)
    private @Nullable Integer validDays = 90;

    public String getName() {
      return name;
    }

    public void setName(@Nullable String name) {
      this.name = name == null ? "" : name.trim();
    }

    public @Nullable Integer getValidDays() {
      return validDays;
    }

    public void setValidDays(@Nullable Integer validDays) {
      this.validDays = validDays;
    }
  }

  /** A token as the table shows it, times in UTC. */
  record TokenRow(
      long id,
      String name,
      String created,
      @Nullable String expires,
      @Nullable String lastUsed,
      @Nullable String revoked,
      boolean expired) {

    static TokenRow of(ApiTokens.TokenInfo t, Instant now) {
      return new TokenRow(
          t.id(),
          t.name(),
          UTC.format(t.createdAt()),
          format(t.expiresAt()),
          format(t.lastUsedAt()),
          format(t.revokedAt()),
          t.expiresAt() != null && !t.expiresAt().isAfter(now));
    }

    public boolean active() {
      return revoked == null && !expired;
    }
  }

  private final ApiTokens tokens;
  private final UnitDirectory units;
  private final MessageSource messages;

  AccountPage(ApiTokens tokens, UnitDirectory units, MessageSource messages) {
    this.tokens = tokens;
    this.units = units;
    this.messages = messages;
  }

  @GetMapping("/account")
  String account(Model model) {
    return page(new TokenForm(), model);
  }

  @PostMapping("/account/tokens")
  String create(
      @Valid @ModelAttribute("form") TokenForm form,
      BindingResult errors,
      Model model,
      HttpServletResponse response) {
    if (errors.hasErrors()) {
      return page(form, model);
    }
    // rendered here, not after a redirect: the secret never rests in the (stored) session
    ApiTokens.CreatedToken created = tokens.create(form.getName(), form.getValidDays());
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    model.addAttribute("token", created);
    model.addAttribute("expires", format(created.expiresAt()));
    return "account/token-created";
  }

  @PostMapping("/account/tokens/{id}/revoke")
  String revoke(@PathVariable long id, RedirectAttributes redirect) {
    tokens.revoke(id);
    redirect.addFlashAttribute(
        "flash", messages.getMessage("token.flash.revoked", null, LocaleContextHolder.getLocale()));
    return "redirect:/account";
  }

  private String page(TokenForm form, Model model) {
    Actor me = Access.current();
    Instant now = Instant.now();
    model.addAttribute("me", me);
    model.addAttribute("unitCode", units.codeOf(me.unitId()));
    model.addAttribute("tokens", tokens.mine().stream().map(t -> TokenRow.of(t, now)).toList());
    model.addAttribute("form", form);
    return "account/account";
  }

  private static @Nullable String format(@Nullable Instant t) {
    return t == null ? null : UTC.format(t);
  }
}
