package org.laurel.bloc;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.laurel.access.Access;
import org.laurel.audit.AuditLog;
import org.laurel.bloc.CouncilView.CouncilRole;
import org.laurel.bloc.CouncilView.Member;
import org.laurel.organisation.People;
import org.laurel.organisation.PersonView;
import org.laurel.organisation.UnitView;
import org.laurel.organisation.Units;
import org.laurel.shared.ConflictException;
import org.laurel.shared.InvalidInputException;
import org.laurel.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** Councils and their membership; kept by the secretariat. */
@Service
@Validated
public class Councils {

  public record NewCouncil(
      @NotBlank @Pattern(regexp = "^[A-Z0-9][A-Z0-9_.-]{0,39}$", message = "{validation.code}")
          String code,
      @NotBlank @Size(max = 200) String name,
      @NotBlank String levelUnitCode,
      @NotNull LocalDate termStart,
      @Nullable LocalDate termEnd) {}

  public record NewMember(
      @Positive long personId,
      @NotNull CouncilRole role,
      @NotNull LocalDate termFrom,
      @Nullable LocalDate termTo) {}

  public record MemberChange(
      @NotNull CouncilRole role,
      @NotNull LocalDate termFrom,
      @Nullable LocalDate termTo,
      @PositiveOrZero int version) {}

  private final JdbcClient jdbc;
  private final Units units;
  private final People people;
  private final Access access;
  private final AuditLog audit;

  Councils(JdbcClient jdbc, Units units, People people, Access access, AuditLog audit) {
    this.jdbc = jdbc;
    this.units = units;
    this.people = people;
    this.access = access;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  public List<CouncilView> list() {
    return jdbc
        .sql("select id from council order by term_start desc, code")
        .query(Long.class)
        .list()
        .stream()
        .map(this::get)
        .toList();
  }

  @Transactional(readOnly = true)
  public CouncilView get(long id) {
    return find(id).orElseThrow(() -> new NotFoundException("error.council.notFound", id));
  }

  private Optional<CouncilView> find(long id) {
    return jdbc.sql(
            """
            select c.*, u.code as u_code, u.name as u_name from council c
            join unit u on u.id = c.level_unit_id where c.id = ?""")
        .param(id)
        .query(
            (rs, n) ->
                new CouncilView(
                    rs.getLong("id"),
                    rs.getString("code"),
                    rs.getString("name"),
                    rs.getString("u_code"),
                    rs.getString("u_name"),
                    rs.getDate("term_start").toLocalDate(),
                    date(rs, "term_end"),
                    members(id),
                    rs.getInt("version")))
        .optional();
  }

  private List<Member> members(long councilId) {
    return jdbc.sql(
            """
            select m.*, p.full_name, p.position, u.code as unit_code from council_member m
            join person p on p.id = m.person_id join unit u on u.id = p.unit_id
            where m.council_id = ?
            order by case m.role when 'CHAIR' then 0 when 'VICE_CHAIR' then 1
                     when 'STANDING_MEMBER' then 2 when 'SECRETARY' then 3 else 4 end,
                     m.term_from, p.full_name""")
        .param(councilId)
        .query(Councils::mapMember)
        .list();
  }

  @Transactional
  public CouncilView create(@Valid NewCouncil cmd) {
    access.requireSecretariat();
    UnitView level =
        units
            .find(cmd.levelUnitCode())
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "levelUnitCode", "error.unit.unknown", cmd.levelUnitCode()));
    if (cmd.termEnd() != null && cmd.termEnd().isBefore(cmd.termStart())) {
      throw new InvalidInputException("termEnd", "error.term.endBeforeStart");
    }
    if (jdbc.sql("select exists(select 1 from council where code = ?)")
        .param(cmd.code())
        .query(Boolean.class)
        .single()) {
      throw new ConflictException("error.council.exists", cmd.code());
    }
    long id =
        jdbc.sql(
                """
                insert into council(code, name, level_unit_id, term_start, term_end)
                values (?, ?, ?, ?, ?) returning id""")
            .params(
                cmd.code(),
                cmd.name().trim(),
                level.id(),
                Date.valueOf(cmd.termStart()),
                cmd.termEnd() == null ? null : Date.valueOf(cmd.termEnd()))
            .query(Long.class)
            .single();
    CouncilView created = get(id);
    audit.record("council.created", "council", Long.toString(id), null, created);
    return created;
  }

  @Transactional
  public Member addMember(long councilId, @Valid NewMember cmd) {
    access.requireSecretariat();
    CouncilView council = get(councilId);
    PersonView person =
        people
            .find(cmd.personId())
            .orElseThrow(
                () ->
                    new InvalidInputException("personId", "error.person.notFound", cmd.personId()));
    checkTerm(council, cmd.role(), person.id(), cmd.termFrom(), cmd.termTo(), null);
    long id =
        jdbc.sql(
                """
                insert into council_member(council_id, person_id, role, term_from, term_to)
                values (?, ?, ?, ?, ?) returning id""")
            .params(
                councilId,
                person.id(),
                cmd.role().name(),
                Date.valueOf(cmd.termFrom()),
                cmd.termTo() == null ? null : Date.valueOf(cmd.termTo()))
            .query(Long.class)
            .single();
    Member m = member(councilId, id);
    audit.record("council.memberAdded", "council", Long.toString(councilId), null, m);
    return m;
  }

  @Transactional
  public Member changeMember(long councilId, long memberId, @Valid MemberChange cmd) {
    access.requireSecretariat();
    CouncilView council = get(councilId);
    Member before = member(councilId, memberId);
    checkTerm(council, cmd.role(), before.personId(), cmd.termFrom(), cmd.termTo(), memberId);
    int n =
        jdbc.sql(
                """
                update council_member set role = ?, term_from = ?, term_to = ?, version = version + 1
                where id = ? and council_id = ? and version = ?""")
            .params(
                cmd.role().name(),
                Date.valueOf(cmd.termFrom()),
                cmd.termTo() == null ? null : Date.valueOf(cmd.termTo()),
                memberId,
                councilId,
                cmd.version())
            .update();
    if (n == 0) {
      throw ConflictException.staleVersion();
    }
    Member after = member(councilId, memberId);
    audit.record("council.memberChanged", "council", Long.toString(councilId), before, after);
    return after;
  }

  private Member member(long councilId, long memberId) {
    return members(councilId).stream()
        .filter(m -> m.id() == memberId)
        .findFirst()
        .orElseThrow(() -> new NotFoundException("error.council.memberNotFound", memberId));
  }

  /**
   * A term lies within the council's; a person sits once at a time; the council has one chair at a
   * time.
   */
  private void checkTerm(
      CouncilView council,
      CouncilRole role,
      long personId,
      LocalDate from,
      @Nullable LocalDate to,
      @Nullable Long self) {
    if (to != null && to.isBefore(from)) {
      throw new InvalidInputException("termTo", "error.term.endBeforeStart");
    }
    if (from.isBefore(council.termStart())
        || (council.termEnd() != null && (to == null || to.isAfter(council.termEnd())))) {
      throw new InvalidInputException("termFrom", "error.council.termOutside");
    }
    for (Member m : council.members()) {
      if (self != null && m.id() == self) {
        continue;
      }
      boolean overlaps =
          (m.termTo() == null || !m.termTo().isBefore(from))
              && (to == null || !to.isBefore(m.termFrom()));
      if (overlaps && m.personId() == personId) {
        throw new ConflictException("error.council.alreadyMember", m.fullName());
      }
      if (overlaps && role == CouncilRole.CHAIR && m.role() == CouncilRole.CHAIR) {
        throw new ConflictException("error.council.chairTaken", m.fullName());
      }
    }
  }

  private static @Nullable LocalDate date(ResultSet rs, String col) throws SQLException {
    Date d = rs.getDate(col);
    return d == null ? null : d.toLocalDate();
  }

  private static Member mapMember(ResultSet rs, int n) throws SQLException {
    return new Member(
        rs.getLong("id"),
        rs.getLong("person_id"),
        rs.getString("full_name"),
        rs.getString("position"),
        rs.getString("unit_code"),
        CouncilRole.valueOf(rs.getString("role")),
        rs.getDate("term_from").toLocalDate(),
        date(rs, "term_to"),
        rs.getInt("version"));
  }
}
