package org.laurel.reward;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.laurel.access.Access;
import org.laurel.access.Actor;
import org.laurel.bloc.Councils;
import org.laurel.reward.CouncilSessionView.Attendance;
import org.laurel.reward.CouncilSessionView.Item;
import org.laurel.shared.ConflictException;
import org.laurel.shared.InvalidInputException;
import org.laurel.shared.LaurelException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Council session pages: the list and the preparation form, a session's page (agenda with each
 * dossier, attendance, conflicts of interest, paper counts, open and close, the tally and the
 * minutes), and a member's ballot paper. Every form posts to the same service as the API; a refusal
 * comes back as a message on the page.
 */
@Controller
class CouncilSessionPages {

  private final CouncilSessions sessions;
  private final Ballots ballots;
  private final BallotMinutesPdf minutes;
  private final Proposals proposals;
  private final NoticeComments comments;
  private final Councils councils;
  private final AwardCatalogue catalogue;
  private final MessageSource messages;

  CouncilSessionPages(
      CouncilSessions sessions,
      Ballots ballots,
      BallotMinutesPdf minutes,
      Proposals proposals,
      NoticeComments comments,
      Councils councils,
      AwardCatalogue catalogue,
      MessageSource messages) {
    this.sessions = sessions;
    this.ballots = ballots;
    this.minutes = minutes;
    this.proposals = proposals;
    this.comments = comments;
    this.councils = councils;
    this.catalogue = catalogue;
    this.messages = messages;
  }

  /** A proposal's dossier as the council reads it: the proposal and its public-notice outcome. */
  record Dossier(ProposalView proposal, List<NoticeComments.CommentView> comments) {}

  @GetMapping("/council/sessions")
  String list(Model model) {
    Actor actor = Access.current();
    model.addAttribute("sessions", sessions.list());
    if (actor.role().isSecretariat()) {
      model.addAttribute("councils", councils.list());
      model.addAttribute("ready", sessions.readyProposals());
      model.addAttribute("today", LocalDate.now());
    }
    model.addAttribute("catalogue", catalogue);
    return "reward/sessions";
  }

  @PostMapping("/council/sessions")
  String prepare(
      @RequestParam(defaultValue = "0") long councilId,
      @RequestParam(required = false) @Nullable LocalDate heldOn,
      @RequestParam(defaultValue = "") String title,
      @RequestParam(required = false) @Nullable List<Long> proposalIds,
      RedirectAttributes redirect) {
    Access.current();
    long[] made = new long[1];
    String back =
        attempt(
            redirect,
            "session.prepared",
            "/council/sessions",
            () -> {
              if (heldOn == null) {
                throw new InvalidInputException("heldOn", "error.invalid");
              }
              made[0] =
                  sessions
                      .prepare(
                          new CouncilSessions.NewSession(
                              councilId,
                              heldOn,
                              title,
                              proposalIds == null ? List.of() : proposalIds))
                      .id();
            });
    return made[0] > 0 ? "redirect:/council/sessions/" + made[0] : back;
  }

  @GetMapping("/council/sessions/{id}")
  String session(@PathVariable long id, Model model) {
    CouncilSessionView s = sessions.get(id);
    Actor actor = Access.current();
    boolean secretariat = actor.role().isSecretariat();
    model.addAttribute("s", s);
    model.addAttribute("secretariat", secretariat);
    model.addAttribute("me", secretariat ? null : actor.personId());
    Map<Long, Dossier> dossiers = new LinkedHashMap<>();
    for (Item it : s.items()) {
      dossiers.put(
          it.id(),
          new Dossier(
              proposals.get(it.proposalId()),
              comments.of(it.proposalId()).stream()
                  .map(NoticeComments.CommentView::forPublic)
                  .toList()));
    }
    model.addAttribute("dossiers", dossiers);
    model.addAttribute("catalogue", catalogue);
    if (secretariat && s.status() == CouncilSessionView.Status.PREPARING) {
      model.addAttribute("ready", sessions.readyProposals());
    }
    return "reward/session";
  }

  @PostMapping("/council/sessions/{id}/items")
  String addItem(
      @PathVariable long id,
      @RequestParam(defaultValue = "0") long proposalId,
      @RequestParam(defaultValue = "0") int version,
      RedirectAttributes redirect) {
    return onSession(
        id,
        redirect,
        "session.itemAdded",
        () -> sessions.addItem(id, new CouncilSessions.NewItem(proposalId, version)));
  }

  @PostMapping("/council/sessions/{id}/items/{itemId}/remove")
  String removeItem(
      @PathVariable long id,
      @PathVariable long itemId,
      @RequestParam(defaultValue = "0") int version,
      RedirectAttributes redirect) {
    return onSession(
        id,
        redirect,
        "session.itemRemoved",
        () -> sessions.removeItem(id, itemId, new CouncilSessions.Step(version)));
  }

  @PostMapping("/council/sessions/{id}/attendance")
  String attendance(
      @PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
    List<CouncilSessions.Presence> entries = new ArrayList<>();
    form.forEach(
        (k, v) -> {
          if (k.startsWith("a_") && !v.isBlank()) {
            entries.add(
                new CouncilSessions.Presence(
                    parse(k.substring(2), "entries"), Attendance.valueOf(v)));
          }
        });
    int version = (int) parse(form.getOrDefault("version", "0"), "version");
    return onSession(
        id,
        redirect,
        "session.attendanceSaved",
        () -> sessions.recordAttendance(id, new CouncilSessions.AttendanceSheet(entries, version)));
  }

  @PostMapping("/council/sessions/{id}/items/{itemId}/recusals")
  String recuse(
      @PathVariable long id,
      @PathVariable long itemId,
      @RequestParam(defaultValue = "0") long personId,
      @RequestParam(defaultValue = "") String reason,
      RedirectAttributes redirect) {
    return onSession(
        id,
        redirect,
        "session.recused",
        () -> sessions.declareConflict(id, itemId, new CouncilSessions.Conflict(personId, reason)));
  }

  /** Opens or closes the ballot: the same guarded step, with the session's version. */
  @PostMapping({"/council/sessions/{id}/open", "/council/sessions/{id}/close"})
  String step(
      @PathVariable long id,
      @RequestParam(defaultValue = "0") int version,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    CouncilSessions.Step step = new CouncilSessions.Step(version);
    if (request.getRequestURI().endsWith("/close")) {
      return onSession(id, redirect, "session.closedDone", () -> ballots.close(id, step));
    }
    return onSession(id, redirect, "session.opened", () -> sessions.open(id, step));
  }

  @PostMapping("/council/sessions/{id}/items/{itemId}/paper-tally")
  String paperTally(
      @PathVariable long id,
      @PathVariable long itemId,
      @RequestParam Map<String, String> form,
      RedirectAttributes redirect) {
    Map<Long, int[]> counts = new LinkedHashMap<>();
    String[] kinds = {"approve_", "reject_", "abstain_"};
    form.forEach(
        (k, v) -> {
          for (int i = 0; i < kinds.length; i++) {
            if (k.startsWith(kinds[i])) {
              long nominee = parse(k.substring(kinds[i].length()), "nominees");
              counts.computeIfAbsent(nominee, n -> new int[3])[i] =
                  (int) parse(v.isBlank() ? "0" : v, "nominees");
            }
          }
        });
    List<Ballots.PaperCount> list =
        counts.entrySet().stream()
            .map(
                e ->
                    new Ballots.PaperCount(
                        e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
            .toList();
    return onSession(
        id,
        redirect,
        "session.paperSaved",
        () -> ballots.recordPaperTally(id, itemId, new Ballots.PaperTally(list)));
  }

  @GetMapping("/council/sessions/{id}/ballot")
  String ballot(@PathVariable long id, Model model) {
    model.addAttribute("b", ballots.myBallot(id));
    model.addAttribute("catalogue", catalogue);
    return "reward/ballot";
  }

  @PostMapping("/council/sessions/{id}/ballot")
  String vote(
      @PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
    List<Ballots.Mark> marks = new ArrayList<>();
    form.forEach(
        (k, v) -> {
          if (k.startsWith("c_") && !v.isBlank()) {
            Ballots.Choice choice;
            try {
              choice = Ballots.Choice.valueOf(v);
            } catch (IllegalArgumentException e) {
              throw new InvalidInputException("choices", "error.invalid");
            }
            marks.add(new Ballots.Mark(parse(k.substring(2), "choices"), choice));
          }
        });
    return attempt(
        redirect,
        "ballot.recorded",
        "/council/sessions/" + id + "/ballot",
        () -> {
          if (marks.isEmpty()) {
            throw new InvalidInputException("choices", "error.ballot.noChoice");
          }
          ballots.vote(id, new Ballots.Ballot(marks));
        });
  }

  @GetMapping("/council/sessions/{id}/minutes.pdf")
  ResponseEntity<byte[]> minutes(@PathVariable long id) {
    return BallotApi.pdf(minutes.render(id), "bien-ban-" + id + ".pdf");
  }

  @GetMapping("/council/sessions/{id}/items/{itemId}/files/{fileId}")
  ResponseEntity<byte[]> file(
      @PathVariable long id, @PathVariable long itemId, @PathVariable long fileId) {
    Proposals.FileContent f = sessions.file(id, itemId, fileId);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(f.mediaType()))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(f.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(f.content());
  }

  /**
   * Runs a form's write and comes back to {@code target} with a message: {@code doneKey} when it
   * wrote, the refusal's own message when it was refused (a 403 stays a 403).
   */
  private String attempt(
      RedirectAttributes redirect, String doneKey, String target, Runnable write) {
    Locale locale = LocaleContextHolder.getLocale();
    String text;
    try {
      write.run();
      text = messages.getMessage(doneKey, null, locale);
    } catch (ConflictException | InvalidInputException e) {
      text = refusal(e, locale);
    } catch (jakarta.validation.ConstraintViolationException e) {
      text = messages.getMessage("error.invalid", null, locale);
    }
    redirect.addFlashAttribute("flash", text);
    return "redirect:" + target;
  }

  /** {@link #attempt} back to the session's page. */
  private String onSession(long id, RedirectAttributes redirect, String doneKey, Runnable write) {
    return attempt(redirect, doneKey, "/council/sessions/" + id, write);
  }

  private String refusal(LaurelException e, Locale locale) {
    return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale);
  }

  private static long parse(String s, String field) {
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(field, "error.invalid");
    }
  }
}
