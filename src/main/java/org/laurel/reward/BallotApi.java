package org.laurel.reward;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/council-sessions")
@Tag(name = "Rewards: council sessions and secret ballots")
class BallotApi {

  private final CouncilSessions sessions;
  private final Ballots ballots;
  private final BallotMinutesPdf minutes;

  BallotApi(CouncilSessions sessions, Ballots ballots, BallotMinutesPdf minutes) {
    this.sessions = sessions;
    this.ballots = ballots;
    this.minutes = minutes;
  }

  @GetMapping
  @Operation(
      summary =
          "Council sessions, newest first: all of them for the secretariat, a member's own for a"
              + " council member")
  List<CouncilSessionView> list() {
    return sessions.list();
  }

  @GetMapping("/{id}")
  @Operation(
      summary =
          "A session: invited members and attendance, agenda with vote rules, participation counts"
              + " (who took part, never how) and, once closed, the tally per nominee")
  CouncilSessionView get(@PathVariable long id) {
    return sessions.get(id);
  }

  @PostMapping
  @Operation(
      summary =
          "Prepare a session (secretariat): the council's members in term on the day are invited;"
              + " the agenda lists proposals ready for the council")
  ResponseEntity<CouncilSessionView> prepare(@Valid @RequestBody CouncilSessions.NewSession cmd) {
    CouncilSessionView s = sessions.prepare(cmd);
    return ResponseEntity.created(URI.create("/api/v1/council-sessions/" + s.id())).body(s);
  }

  @PostMapping("/{id}/items")
  @Operation(summary = "Add a proposal ready for the council to a session being prepared")
  CouncilSessionView addItem(
      @PathVariable long id, @Valid @RequestBody CouncilSessions.NewItem cmd) {
    return sessions.addItem(id, cmd);
  }

  @PostMapping("/{id}/items/{itemId}/remove")
  @Operation(summary = "Take a proposal off the agenda of a session being prepared")
  CouncilSessionView removeItem(
      @PathVariable long id,
      @PathVariable long itemId,
      @Valid @RequestBody CouncilSessions.Step cmd) {
    return sessions.removeItem(id, itemId, cmd);
  }

  @PostMapping("/{id}/attendance")
  @Operation(summary = "Record members present or absent (secretariat)")
  CouncilSessionView attendance(
      @PathVariable long id, @Valid @RequestBody CouncilSessions.AttendanceSheet cmd) {
    return sessions.recordAttendance(id, cmd);
  }

  @PostMapping("/{id}/items/{itemId}/recusals")
  @Operation(
      summary =
          "Declare a member's conflict of interest on an item: the member is recused from it"
              + " (secretariat, or the member for themselves)")
  CouncilSessionView recuse(
      @PathVariable long id,
      @PathVariable long itemId,
      @Valid @RequestBody CouncilSessions.Conflict cmd) {
    return sessions.declareConflict(id, itemId, cmd);
  }

  @PostMapping("/{id}/open")
  @Operation(summary = "Open the ballot (PREPARING → OPEN): agenda and attendance complete")
  CouncilSessionView open(@PathVariable long id, @Valid @RequestBody CouncilSessions.Step cmd) {
    return sessions.open(id, cmd);
  }

  @GetMapping("/{id}/my-ballot")
  @Operation(summary = "The signed-in member's ballot paper: which nominees they may still vote on")
  Ballots.MyBallot myBallot(@PathVariable long id) {
    return ballots.myBallot(id);
  }

  @PostMapping("/{id}/ballot")
  @Operation(
      summary =
          "Cast the signed-in member's secret votes (approve / reject / abstain per nominee, once"
              + " each); the answer names the nominees voted on, never the choices")
  ResponseEntity<Ballots.Receipt> vote(
      @PathVariable long id, @Valid @RequestBody Ballots.Ballot ballot) {
    return ResponseEntity.status(201).body(ballots.vote(id, ballot));
  }

  @PostMapping("/{id}/items/{itemId}/paper-tally")
  @Operation(
      summary =
          "Record the paper ballot count of an item voted on paper in the room (secretariat);"
              + " the item then takes no electronic votes")
  CouncilSessionView paperTally(
      @PathVariable long id,
      @PathVariable long itemId,
      @Valid @RequestBody Ballots.PaperTally cmd) {
    return ballots.recordPaperTally(id, itemId, cmd);
  }

  @PostMapping("/{id}/close")
  @Operation(
      summary =
          "Close the ballot (OPEN → CLOSED): tally per nominee, quorum and threshold from the rule"
              + " set in force on the session's day, outcomes given to the proposals")
  CouncilSessionView close(@PathVariable long id, @Valid @RequestBody CouncilSessions.Step cmd) {
    return ballots.close(id, cmd);
  }

  @GetMapping(value = "/{id}/minutes.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  @Operation(summary = "The minutes of a closed session's ballot as a PDF")
  ResponseEntity<byte[]> minutes(@PathVariable long id) {
    return pdf(minutes.render(id), "bien-ban-" + id + ".pdf");
  }

  static ResponseEntity<byte[]> pdf(byte[] body, String name) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename(name, StandardCharsets.UTF_8).build().toString())
        .body(body);
  }
}
