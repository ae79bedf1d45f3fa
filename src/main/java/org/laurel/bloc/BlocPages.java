package org.laurel.bloc;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.laurel.access.Access;
import org.laurel.access.Actor;
import org.laurel.bloc.BlocCommands.BlocChange;
import org.laurel.bloc.BlocCommands.DescriptionChange;
import org.laurel.bloc.BlocCommands.NewBloc;
import org.laurel.organisation.UnitView;
import org.laurel.organisation.Units;
import org.laurel.shared.ConflictException;
import org.laurel.shared.ForbiddenException;
import org.laurel.shared.Forms;
import org.laurel.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The blocs of a year, one bloc's page, and the secretariat's and bloc head's forms. */
@Controller
class BlocPages {

  /** The form behind "new bloc" and "edit bloc"; code and year are fixed once created. */
  static class BlocForm {
    /** Validation group of the fields that are only entered when creating. */
    interface Creating {}

    @NotBlank(groups = Creating.class)
    @Pattern(
        regexp = "^[A-Z0-9][A-Z0-9_.-]{0,39}$",
        message = "{validation.code}",
        groups = Creating.class)
    private String code = "";

    @NotBlank
    @Size(max = 200)
    private String name = "";

    @Min(value = 2000, groups = Creating.class)
    @Max(value = 2100, groups = Creating.class)
    private int year;

    @Size(max = 4000)
    private @Nullable String description;

    @NotEmpty
    @Size(min = 2, max = 200)
    private List<String> memberCodes = new ArrayList<>();

    @NotBlank private String headCode = "";
    @NotBlank private String deputyCode = "";
    @PositiveOrZero private int version;

    static BlocForm of(BlocView b) {
      BlocForm f = new BlocForm();
      f.code = b.code();
      f.name = b.name();
      f.year = b.year();
      f.description = b.description();
      f.memberCodes = new ArrayList<>(b.members().stream().map(BlocView.UnitRef::code).toList());
      f.headCode = b.head().code();
      f.deputyCode = b.deputy().code();
      f.version = b.version();
      return f;
    }

    NewBloc toNew() {
      return new NewBloc(code, name, year, description, memberCodes, headCode, deputyCode);
    }

    BlocChange toChange() {
      return new BlocChange(name, description, memberCodes, headCode, deputyCode, version);
    }

    public String getCode() {
      return code;
    }

    public void setCode(@Nullable String code) {
      this.code = code == null ? "" : code.trim();
    }

    public String getName() {
      return name;
    }

    public void setName(@Nullable String name) {
      this.name = name == null ? "" : name;
    }

    public int getYear() {
      return year;
    }

    public void setYear(int year) {
      this.year = year;
    }

    public @Nullable String getDescription() {
      return description;
    }

    public void setDescription(@Nullable String description) {
      this.description = description;
    }

    public List<String> getMemberCodes() {
      return memberCodes;
    }

    public void setMemberCodes(@Nullable List<String> memberCodes) {
      this.memberCodes = memberCodes == null ? new ArrayList<>() : memberCodes;
    }

    public String getHeadCode() {
      return headCode;
    }

    public void setHeadCode(@Nullable String headCode) {
      this.headCode = headCode == null ? "" : headCode;
    }

    public String getDeputyCode() {
      return deputyCode;
    }

    public void setDeputyCode(@Nullable String deputyCode) {
      this.deputyCode = deputyCode == null ? "" : deputyCode;
    }

    public int getVersion() {
      return version;
    }

    public void setVersion(int version) {
      this.version = version;
    }
  }

  /** The bloc head's form: the description only. */
  static class DescriptionForm {
    @Size(max = 4000)
    private @Nullable String description;

    @PositiveOrZero private int version;

    public @Nullable String getDescription() {
      return description;
    }

    public void setDescription(@Nullable String description) {
      this.description = description;
    }

    public int getVersion() {
      return version;
    }

    public void setVersion(int version) {
      this.version = version;
    }
  }

  private final Blocs blocs;
  private final Units units;
  private final Access access;
  private final MessageSource messages;
  private final Clock clock;

  BlocPages(Blocs blocs, Units units, Access access, MessageSource messages, Clock clock) {
    this.blocs = blocs;
    this.units = units;
    this.access = access;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/blocs")
  String list(@RequestParam(required = false) @Nullable Integer year, Model model) {
    List<Integer> years =
        blocs.list(null).stream()
            .map(BlocView::year)
            .distinct()
            .sorted(Comparator.reverseOrder())
            .toList();
    int shown =
        year != null ? year : years.isEmpty() ? LocalDate.now(clock).getYear() : years.get(0);
    model.addAttribute("years", years);
    model.addAttribute("year", shown);
    model.addAttribute("blocs", blocs.list(shown));
    model.addAttribute("mayEdit", Access.current().role().isSecretariat());
    return "blocs/list";
  }

  @GetMapping("/blocs/{id}")
  String show(@PathVariable long id, Model model) {
    BlocView bloc = blocs.get(id);
    Actor actor = Access.current();
    model.addAttribute("bloc", bloc);
    model.addAttribute("mayEdit", actor.role().isSecretariat());
    model.addAttribute("mayDescribe", blocs.mayDescribe(actor, bloc));
    return "blocs/show";
  }

  @GetMapping("/blocs/new")
  String newForm(@RequestParam(required = false) @Nullable Integer year, Model model) {
    access.requireSecretariat();
    BlocForm form = new BlocForm();
    form.setYear(year != null ? year : LocalDate.now(clock).getYear());
    return newPage(form, model);
  }

  @PostMapping("/blocs/new")
  String create(
      @Validated({BlocForm.Creating.class, Default.class}) @ModelAttribute("form") BlocForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    access.requireSecretariat();
    if (errors.hasErrors()) {
      return newPage(form, model);
    }
    try {
      BlocView b = blocs.create(form.toNew());
      redirect.addFlashAttribute("flash", msg("bloc.flash.created", b.code(), b.year()));
      return "redirect:/blocs/" + b.id();
    } catch (InvalidInputException e) {
      reject(errors, e);
    } catch (ConflictException e) {
      Forms.reject(errors, e);
    }
    return newPage(form, model);
  }

  @GetMapping("/blocs/{id}/edit")
  String editForm(@PathVariable long id, Model model) {
    access.requireSecretariat();
    BlocView bloc = blocs.get(id);
    return editPage(bloc, BlocForm.of(bloc), model);
  }

  @PostMapping("/blocs/{id}/edit")
  String update(
      @PathVariable long id,
      @Valid @ModelAttribute("form") BlocForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    access.requireSecretariat();
    BlocView bloc = blocs.get(id);
    // code and year do not change; the form shows them from the stored bloc
    form.setCode(bloc.code());
    form.setYear(bloc.year());
    if (errors.hasErrors()) {
      return editPage(bloc, form, model);
    }
    try {
      blocs.update(id, form.toChange());
      redirect.addFlashAttribute("flash", msg("bloc.flash.updated", bloc.code(), bloc.year()));
      return "redirect:/blocs/" + id;
    } catch (InvalidInputException e) {
      reject(errors, e);
    } catch (ConflictException e) {
      Forms.reject(errors, e);
    }
    return editPage(bloc, form, model);
  }

  @GetMapping("/blocs/{id}/description")
  String descriptionForm(@PathVariable long id, Model model) {
    BlocView bloc = blocs.get(id);
    requireDescribe(bloc);
    DescriptionForm form = new DescriptionForm();
    form.setDescription(bloc.description());
    form.setVersion(bloc.version());
    model.addAttribute("bloc", bloc);
    model.addAttribute("form", form);
    return "blocs/description";
  }

  @PostMapping("/blocs/{id}/description")
  String describe(
      @PathVariable long id,
      @Valid @ModelAttribute("form") DescriptionForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    BlocView bloc = blocs.get(id);
    requireDescribe(bloc);
    if (!errors.hasErrors()) {
      try {
        blocs.describe(id, new DescriptionChange(form.getDescription(), form.getVersion()));
        redirect.addFlashAttribute("flash", msg("bloc.flash.described"));
        return "redirect:/blocs/" + id;
      } catch (InvalidInputException e) {
        Forms.reject(errors, e);
      } catch (ConflictException e) {
        Forms.reject(errors, e);
      }
    }
    model.addAttribute("bloc", bloc);
    return "blocs/description";
  }

  private void requireDescribe(BlocView bloc) {
    if (!blocs.mayDescribe(Access.current(), bloc)) {
      throw ForbiddenException.outOfScope();
    }
  }

  private String newPage(BlocForm form, Model model) {
    model.addAttribute("form", form);
    model.addAttribute("units", candidates(form.getYear(), List.of()));
    model.addAttribute("editing", false);
    return "blocs/form";
  }

  private String editPage(BlocView bloc, BlocForm form, Model model) {
    model.addAttribute("bloc", bloc);
    model.addAttribute("form", form);
    model.addAttribute("units", candidates(bloc.year(), bloc.members()));
    model.addAttribute("editing", true);
    return "blocs/form";
  }

  /**
   * Units to choose from: those valid on the year's first day, plus the current members (a unit
   * created during the year may be a member too, and must not fall off the form).
   */
  private List<BlocView.UnitRef> candidates(int year, List<BlocView.UnitRef> members) {
    Map<String, BlocView.UnitRef> byCode = new LinkedHashMap<>();
    if (year >= 2000 && year <= 2100) {
      for (UnitView u : units.validOn(LocalDate.of(year, 1, 1), null, null)) {
        byCode.put(u.code(), new BlocView.UnitRef(u.id(), u.code(), u.name()));
      }
    }
    members.forEach(m -> byCode.putIfAbsent(m.code(), m));
    return byCode.values().stream().sorted(Comparator.comparing(BlocView.UnitRef::code)).toList();
  }

  /** A member error names one row, e.g. {@code memberCodes[3]}; the form shows it on the list. */
  private static void reject(BindingResult errors, InvalidInputException e) {
    if (e.field().startsWith("memberCodes")) {
      errors.rejectValue("memberCodes", e.messageKey(), e.args(), e.messageKey());
    } else {
      Forms.reject(errors, e);
    }
  }

  private String msg(String key, Object... args) {
    return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
  }
}
