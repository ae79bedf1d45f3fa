package org.laurel.reward;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the public portal shows of proposals on public notice: the item, its nominees and the
 * published comments with their answers; never contacts, addresses or internal opinions.
 */
@Service
public class PortalNotices {

  public record PublicNominee(String name, String unitCode) {}

  public record PublicNotice(
      long id,
      String title,
      int year,
      String awardCode,
      String proposingUnitCode,
      @Nullable String achievement,
      @Nullable LocalDate noticeFrom,
      @Nullable LocalDate noticeUntil,
      boolean open,
      List<PublicNominee> nominees,
      List<NoticeComments.CommentView> comments) {}

  private final Proposals proposals;
  private final NoticeComments comments;
  private final Clock clock;

  PortalNotices(Proposals proposals, NoticeComments comments, Clock clock) {
    this.proposals = proposals;
    this.comments = comments;
    this.clock = clock;
  }

  /** Proposals on public notice, the open ones first. */
  @Transactional(readOnly = true)
  public List<PublicNotice> list() {
    return proposals.list(ProposalStatus.PUBLIC_NOTICE, null).stream()
        .map(p -> view(p, false))
        .sorted(java.util.Comparator.comparing(PublicNotice::open).reversed())
        .toList();
  }

  @Transactional(readOnly = true)
  public Optional<PublicNotice> get(long id) {
    return proposals
        .find(id)
        .filter(p -> p.status() == ProposalStatus.PUBLIC_NOTICE)
        .map(p -> view(p, true));
  }

  private PublicNotice view(ProposalView p, boolean withComments) {
    LocalDate today = LocalDate.now(clock);
    boolean open =
        p.noticeFrom() != null
            && !today.isBefore(p.noticeFrom())
            && (p.noticeUntil() == null || !today.isAfter(p.noticeUntil()));
    return new PublicNotice(
        p.id(),
        p.title(),
        p.year(),
        p.awardCode(),
        p.proposingUnitCode(),
        p.achievement(),
        p.noticeFrom(),
        p.noticeUntil(),
        open,
        p.nominees().stream().map(n -> new PublicNominee(n.displayName(), n.unitCode())).toList(),
        withComments
            ? comments.of(p.id()).stream().map(NoticeComments.CommentView::forPublic).toList()
            : List.of());
  }
}
