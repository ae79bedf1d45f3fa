package org.laurel.bloc;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.groups.Default;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.laurel.access.Access;
import org.laurel.bloc.CouncilView.CouncilRole;
import org.laurel.bloc.CouncilView.Member;
import org.laurel.organisation.People;
import org.laurel.shared.ConflictException;
import org.laurel.shared.Forms;
import org.laurel.shared.InvalidInputException;
import org.laurel.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
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

/** Councils, their members by role and term, and the secretariat's member forms. */
@Controller
class CouncilPages {

  /** The order a council's members are read in: chair first, ordinary members last. */
  static final List<CouncilRole> ROLE_ORDER =
      List.of(
          CouncilRole.CHAIR,
          CouncilRole.VICE_CHAIR,
          CouncilRole.STANDING_MEMBER,
          CouncilRole.SECRETARY,
          CouncilRole.MEMBER);

  /** Adding a member (person set) or changing one (person fixed, version set). */
  static class MemberForm {
    /** Validation group of the person, chosen only when adding. */
    interface Adding {}

    @NotNull(groups = Adding.class)
    @Positive(groups = Adding.class)
    private @Nullable Long personId;

    @NotNull private @Nullable CouncilRole role;

    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate termFrom;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate termTo;

    @PositiveOrZero private int version;

    static MemberForm of(Member m) {
      MemberForm f = new MemberForm();
      f.personId = m.personId();
      f.role = m.role();
      f.termFrom = m.termFrom();
      f.termTo = m.termTo();
      f.version = m.version();
      return f;
    }

    Councils.NewMember toNew() {
      return new Councils.NewMember(required(personId), required(role), required(termFrom), termTo);
    }

    Councils.MemberChange toChange() {
      return new Councils.MemberChange(required(role), required(termFrom), termTo, version);
    }

    // only called once bean validation has passed
    private static <T> T required(@Nullable T value) {
      if (value == null) {
        throw new IllegalStateException("validated field is null");
      }
      return value;
    }

    public @Nullable Long getPersonId() {
      return personId;
    }

    public void setPersonId(@Nullable Long personId) {
      this.personId = personId;
    }

    public @Nullable CouncilRole getRole() {
      return role;
    }

    public void setRole(@Nullable CouncilRole role) {
      this.role = role;
    }

    public @Nullable LocalDate getTermFrom() {
      return termFrom;
    }

    public void setTermFrom(@Nullable LocalDate termFrom) {
      this.termFrom = termFrom;
    }

    public @Nullable LocalDate getTermTo() {
      return termTo;
    }

    public void setTermTo(@Nullable LocalDate termTo) {
      this.termTo = termTo;
    }

    public int getVersion() {
      return version;
    }

    public void setVersion(int version) {
      this.version = version;
    }
  }

  /** Members of one role, in a section of the council page. */
  record RoleGroup(CouncilRole role, List<Member> members) {}

  private final Councils councils;
  private final People people;
  private final Access access;
  private final MessageSource messages;
  private final Clock clock;

  CouncilPages(
      Councils councils, People people, Access access, MessageSource messages, Clock clock) {
    this.councils = councils;
    this.people = people;
    this.access = access;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/councils")
  String list(Model model) {
    LocalDate today = LocalDate.now(clock);
    List<CouncilView> all = councils.list();
    model.addAttribute("councils", all);
    model.addAttribute("today", today);
    return "councils/list";
  }

  @GetMapping("/councils/{id}")
  String show(
      @PathVariable long id,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate on,
      Model model) {
    CouncilView council = councils.get(id);
    LocalDate day = on != null ? on : LocalDate.now(clock);
    List<Member> serving = new ArrayList<>();
    List<Member> former = new ArrayList<>();
    List<Member> upcoming = new ArrayList<>();
    for (Member m : council.members()) {
      if (m.activeOn(day)) {
        serving.add(m);
      } else if (m.termFrom().isAfter(day)) {
        upcoming.add(m);
      } else {
        former.add(m);
      }
    }
    model.addAttribute("council", council);
    model.addAttribute("on", day);
    model.addAttribute("serving", byRole(serving));
    model.addAttribute("servingCount", serving.size());
    model.addAttribute("former", former);
    model.addAttribute("upcoming", upcoming);
    model.addAttribute("mayEdit", Access.current().role().isSecretariat());
    return "councils/show";
  }

  @GetMapping("/councils/{id}/members/new")
  String newMemberForm(@PathVariable long id, Model model) {
    access.requireSecretariat();
    CouncilView council = councils.get(id);
    MemberForm form = new MemberForm();
    form.setRole(CouncilRole.MEMBER);
    LocalDate today = LocalDate.now(clock);
    // today, unless the council's term has not begun or is over
    boolean inTerm =
        !today.isBefore(council.termStart())
            && (council.termEnd() == null || !today.isAfter(council.termEnd()));
    form.setTermFrom(inTerm ? today : council.termStart());
    form.setTermTo(council.termEnd());
    return memberPage(council, null, form, model);
  }

  @PostMapping("/councils/{id}/members/new")
  String addMember(
      @PathVariable long id,
      @Validated({MemberForm.Adding.class, Default.class}) @ModelAttribute("form") MemberForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    access.requireSecretariat();
    CouncilView council = councils.get(id);
    if (!errors.hasErrors()) {
      try {
        Member m = councils.addMember(id, form.toNew());
        redirect.addFlashAttribute("flash", msg("council.flash.memberAdded", m.fullName()));
        return "redirect:/councils/" + id;
      } catch (InvalidInputException e) {
        Forms.reject(errors, e);
      } catch (ConflictException e) {
        Forms.reject(errors, e);
      }
    }
    return memberPage(council, null, form, model);
  }

  @GetMapping("/councils/{id}/members/{memberId}/edit")
  String editMemberForm(@PathVariable long id, @PathVariable long memberId, Model model) {
    access.requireSecretariat();
    CouncilView council = councils.get(id);
    Member member = member(council, memberId);
    return memberPage(council, member, MemberForm.of(member), model);
  }

  @PostMapping("/councils/{id}/members/{memberId}/edit")
  String changeMember(
      @PathVariable long id,
      @PathVariable long memberId,
      @Valid @ModelAttribute("form") MemberForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    access.requireSecretariat();
    CouncilView council = councils.get(id);
    Member member = member(council, memberId);
    // the person does not change; only role and term do
    form.setPersonId(member.personId());
    if (!errors.hasErrors()) {
      try {
        councils.changeMember(id, memberId, form.toChange());
        redirect.addFlashAttribute("flash", msg("council.flash.memberChanged", member.fullName()));
        return "redirect:/councils/" + id;
      } catch (InvalidInputException e) {
        Forms.reject(errors, e);
      } catch (ConflictException e) {
        Forms.reject(errors, e);
      }
    }
    return memberPage(council, member, form, model);
  }

  private String memberPage(
      CouncilView council, @Nullable Member member, MemberForm form, Model model) {
    model.addAttribute("council", council);
    model.addAttribute("member", member);
    model.addAttribute("form", form);
    model.addAttribute("roles", ROLE_ORDER);
    if (member == null) {
      model.addAttribute("people", people.list(null, null));
    }
    return "councils/member";
  }

  private static Member member(CouncilView council, long memberId) {
    return council.members().stream()
        .filter(m -> m.id() == memberId)
        .findFirst()
        .orElseThrow(() -> new NotFoundException("error.council.memberNotFound", memberId));
  }

  private static List<RoleGroup> byRole(List<Member> members) {
    Map<CouncilRole, List<Member>> groups = new EnumMap<>(CouncilRole.class);
    members.forEach(m -> groups.computeIfAbsent(m.role(), r -> new ArrayList<>()).add(m));
    return ROLE_ORDER.stream()
        .filter(groups::containsKey)
        .map(r -> new RoleGroup(r, groups.get(r)))
        .toList();
  }

  private String msg(String key, Object... args) {
    return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
  }
}
