package org.laurel.reward;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.laurel.shared.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public notice for anyone, without signing in. */
@RestController
@RequestMapping("/api/v1/portal/notices")
@Tag(name = "Public portal: notices of proposals")
class PortalNoticeApi {

  private final PortalNotices notices;
  private final NoticeComments comments;

  PortalNoticeApi(PortalNotices notices, NoticeComments comments) {
    this.notices = notices;
    this.comments = comments;
  }

  @GetMapping
  @Operation(summary = "Proposals on public notice")
  List<PortalNotices.PublicNotice> list() {
    return notices.list();
  }

  @GetMapping("/{id}")
  @Operation(summary = "One proposal on public notice, with the comments and their answers")
  PortalNotices.PublicNotice get(@PathVariable long id) {
    return notices.get(id).orElseThrow(() -> new NotFoundException("error.notice.notFound", id));
  }

  @PostMapping("/{id}/comments")
  @Operation(
      summary =
          "Comment on or complain about a proposal (no sign-in; name optional; a few an hour per"
              + " address); the answer carries the receipt number")
  ResponseEntity<NoticeComments.CommentView> comment(
      @PathVariable long id,
      @Valid @RequestBody NoticeComments.NewComment cmd,
      HttpServletRequest request) {
    NoticeComments.CommentView c = comments.submit(id, cmd, request.getRemoteAddr()).forPublic();
    return ResponseEntity.created(URI.create("/api/v1/portal/notices/receipts/" + c.receipt()))
        .body(c);
  }

  @GetMapping("/receipts/{receipt}")
  @Operation(summary = "Follow a comment by its receipt number")
  NoticeComments.CommentView receipt(@PathVariable String receipt) {
    return comments
        .byReceipt(receipt)
        .orElseThrow(() -> new NotFoundException("error.notice.receiptNotFound", receipt));
  }
}
