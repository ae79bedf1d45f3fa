package org.laurel.reward;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.laurel.access.Access;
import org.laurel.access.Actor;
import org.laurel.audit.AuditLog;
import org.laurel.bloc.BlocView;
import org.laurel.bloc.Blocs;
import org.laurel.organisation.UnitView;
import org.laurel.organisation.Units;
import org.laurel.reward.AwardType.Recipient;
import org.laurel.scoring.Ranking;
import org.laurel.scoring.Results;
import org.laurel.shared.ConflictException;
import org.laurel.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * From a bloc's published ranking to its proposals in one step, by a configurable rule: rank 1 →
 * the flag ({@code laurel.reward.ranking.flag-award}, Cờ thi đua của UBND tỉnh), the next {@code
 * merit-count} → the certificate of merit ({@code merit-award}, Bằng khen của Chủ tịch UBND tỉnh).
 * The bloc's head unit proposes; the nominees are the bloc's members (the bloc is their scope);
 * each one's eligibility is checked and kept with the draft.
 */
@Service
@Validated
public class BlocProposals {

  /** The rule of one request; absent fields take the configured defaults. */
  public record FromRanking(
      @Nullable @Size(max = 40) String flagAward,
      @Nullable @Size(max = 40) String meritAward,
      @Nullable @Min(0) @Max(50) Integer meritCount) {}

  private final Results results;
  private final Blocs blocs;
  private final Units units;
  private final Proposals proposals;
  private final ProposalRepository repo;
  private final AwardCatalogue catalogue;
  private final Eligibility eligibility;
  private final Access access;
  private final AuditLog audit;
  private final JdbcClient jdbc;
  private final String flagAward;
  private final String meritAward;
  private final int meritCount;

  BlocProposals(
      Results results,
      Blocs blocs,
      Units units,
      Proposals proposals,
      ProposalRepository repo,
      AwardCatalogue catalogue,
      Eligibility eligibility,
      Access access,
      AuditLog audit,
      JdbcClient jdbc,
      @Value("${laurel.reward.ranking.flag-award:CO_UBND}") String flagAward,
      @Value("${laurel.reward.ranking.merit-award:BK_UBND_TT}") String meritAward,
      @Value("${laurel.reward.ranking.merit-count:2}") int meritCount) {
    this.results = results;
    this.blocs = blocs;
    this.units = units;
    this.proposals = proposals;
    this.repo = repo;
    this.catalogue = catalogue;
    this.eligibility = eligibility;
    this.access = access;
    this.audit = audit;
    this.jdbc = jdbc;
    this.flagAward = flagAward;
    this.meritAward = meritAward;
    this.meritCount = meritCount;
  }

  @Transactional
  public List<ProposalView> fromRanking(long blocId, @Valid FromRanking cmd) {
    Actor actor = access.requireSecretariat();
    BlocView bloc = blocs.get(blocId);
    Ranking ranking = results.ranking(blocId, bloc.year());
    String flag = cmd.flagAward() == null ? flagAward : cmd.flagAward();
    String merit = cmd.meritAward() == null ? meritAward : cmd.meritAward();
    int count = cmd.meritCount() == null ? meritCount : cmd.meritCount();
    for (String[] f : new String[][] {{"flagAward", flag}, {"meritAward", merit}}) {
      if (catalogue.require(f[0], f[1]).recipient() != Recipient.COLLECTIVE) {
        throw new InvalidInputException(
            f[0], "error.award.recipientMismatch", f[1], Recipient.COLLECTIVE);
      }
    }
    boolean exists =
        jdbc.sql("select exists(select 1 from proposal where source_bloc_id = ? and year = ?)")
            .params(blocId, bloc.year())
            .query(Boolean.class)
            .single();
    if (exists) {
      throw new ConflictException("error.proposal.blocDone", bloc.code(), bloc.year());
    }
    List<Ranking.Row> rows = ranking.rows();
    List<Ranking.Row> first = rows.stream().filter(r -> r.rank() == 1).toList();
    List<Ranking.Row> next =
        rows.stream().filter(r -> r.rank() > 1).limit(Math.max(0, count)).toList();
    List<ProposalView> made = new ArrayList<>();
    if (!first.isEmpty()) {
      made.add(make(bloc, flag, first, actor));
    }
    if (!next.isEmpty()) {
      made.add(make(bloc, merit, next, actor));
    }
    audit.record(
        "proposal.fromRanking",
        "bloc",
        Long.toString(blocId),
        null,
        Map.of(
            "year", bloc.year(),
            "rankingVersion", ranking.version(),
            "proposals", made.stream().map(ProposalView::id).toList()));
    return made;
  }

  private ProposalView make(BlocView bloc, String award, List<Ranking.Row> rows, Actor actor) {
    AwardType type = catalogue.get(award);
    String title = "%s %d — %s".formatted(bloc.name(), bloc.year(), type.nameVi());
    long id =
        repo.insert(
            ProposalKind.REGULAR,
            bloc.year(),
            title,
            bloc.head().id(),
            award,
            "Theo kết quả xếp hạng thi đua khối " + bloc.code() + " năm " + bloc.year(),
            bloc.id(),
            actor.username());
    List<Nominee> nominees = new ArrayList<>();
    for (Ranking.Row r : rows) {
      UnitView u = units.get(r.unit());
      Nominee n = Nominee.unit(u.code());
      List<Long> elsewhere = repo.nominatedElsewhere(n.key(), award, bloc.year(), id);
      if (!elsewhere.isEmpty()) {
        throw new ConflictException(
            "error.proposal.alreadyNominated", u.name(), elsewhere.get(0).toString());
      }
      repo.addNominee(
          id,
          new ProposalRepository.NomineeRow(
              0,
              Recipient.COLLECTIVE,
              null,
              u.id(),
              null,
              n.key(),
              u.name() + " (hạng " + r.rank() + ")"));
      nominees.add(n);
    }
    List<Evaluation> evaluations = eligibility.checkAll(nominees, award, bloc.year());
    List<ProposalRepository.NomineeRow> stored = repo.nomineeRows(id);
    for (int i = 0; i < stored.size(); i++) {
      repo.saveEvaluation(stored.get(i).id(), evaluations.get(i));
    }
    return proposals.created(id, actor);
  }
}
