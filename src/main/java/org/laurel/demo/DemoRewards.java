package org.laurel.demo;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.laurel.access.Access;
import org.laurel.movement.Initiatives;
import org.laurel.movement.RecognisedInitiative;
import org.laurel.organisation.People;
import org.laurel.organisation.People.PersonForm;
import org.laurel.organisation.PersonView;
import org.laurel.organisation.PersonView.Gender;
import org.laurel.reward.AwardImports;
import org.laurel.reward.AwardType.Recipient;
import org.laurel.reward.NoticeComments;
import org.laurel.reward.ProposalKind;
import org.laurel.reward.ProposalView;
import org.laurel.reward.Proposals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo rewards (synthetic): 300 people in the 12 district-level units of Hải Dương with their
 * awards 2020–2024, collective awards of the units, a person eligible for Chiến sĩ thi đua cấp tỉnh
 * 2024 (CSTĐ cơ sở 2022–2024 and a provincial initiative), Tứ Kỳ where the 15 % quota binds in
 * 2024, and 2024 year-end proposals at every step, two with a public complaint answered. Everything
 * goes through the services (validated, audited); the history enters as one import.
 */
@Component
class DemoRewards {

  private static final Logger log = LoggerFactory.getLogger(DemoRewards.class);

  static final String STAR = "Nguyễn Thị Thanh Hương";

  private static final String[] FAMILY = {
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lý"
  };
  private static final String[] MIDDLE_F = {"Thị", "Thị Thu", "Thị Minh", "Thị Ngọc", "Thị Hồng"};
  private static final String[] MIDDLE_M = {"Văn", "Đức", "Minh", "Quang", "Xuân"};
  private static final String[] GIVEN_F = {"Hà", "Lan", "Mai", "Hương", "Trang", "Thảo", "Yến"};
  private static final String[] GIVEN_M = {"Hùng", "Dũng", "Nam", "Tuấn", "Sơn", "Long", "Phong"};

  private final People people;
  private final AwardImports imports;
  private final Initiatives initiatives;
  private final Proposals proposals;
  private final NoticeComments comments;

  DemoRewards(
      People people,
      AwardImports imports,
      Initiatives initiatives,
      Proposals proposals,
      NoticeComments comments) {
    this.people = people;
    this.imports = imports;
    this.initiatives = initiatives;
    this.proposals = proposals;
    this.comments = comments;
  }

  @Transactional
  public void load() {
    Access.runAsSystem("demo-loader", this::loadAll);
  }

  private void loadAll() {
    log.info("Loading demo rewards…");
    Random rnd = new Random(20241231L);
    StringBuilder csv =
        new StringBuilder(
            "recipient,unit,person,household,award,year,decision_number,decision_date,achievement\n");
    List<PersonView> everyone = new ArrayList<>();
    PersonView star = null;
    List<PersonView> tk = new ArrayList<>();
    for (DemoData.District d : DemoData.DISTRICTS) {
      for (int i = 0; i < 25; i++) {
        boolean female = rnd.nextBoolean();
        String name =
            FAMILY[rnd.nextInt(FAMILY.length)]
                + " "
                + (female ? MIDDLE_F : MIDDLE_M)[rnd.nextInt(5)]
                + " "
                + (female ? GIVEN_F : GIVEN_M)[rnd.nextInt(7)];
        if (d.code().equals("CL") && i == 0) {
          name = STAR;
          female = true;
        }
        PersonView p =
            people.create(
                PersonForm.of(d.code(), name, "Công chức", female ? Gender.FEMALE : Gender.MALE));
        everyone.add(p);
        if (name.equals(STAR)) {
          star = p;
        }
        if (d.code().equals("TK")) {
          tk.add(p);
        }
      }
    }
    // individual titles: most people are advanced workers most years; a few grassroots
    // emulation soldiers per unit and year, within the quota (15 % of advanced workers, floor)
    for (int year = 2020; year <= 2024; year++) {
      String decision = "%d/QĐ-UBND".formatted(10 + year - 2020);
      String decided = LocalDate.of(year + 1, 1, 15).toString();
      for (DemoData.District d : DemoData.DISTRICTS) {
        List<PersonView> unit =
            everyone.stream().filter(p -> p.unitCode().equals(d.code())).toList();
        List<PersonView> advanced = new ArrayList<>();
        for (PersonView p : unit) {
          boolean isStar = p == star;
          boolean inTk2024 = d.code().equals("TK") && year == 2024;
          if (isStar || inTk2024 || rnd.nextInt(100) < 80) {
            advanced.add(p);
            row(csv, p, "LDTT", year, decision, decided);
          }
        }
        int cap = advanced.size() * 15 / 100;
        int soldiers =
            d.code().equals("TK") && year == 2024 ? cap : Math.min(cap, 1 + rnd.nextInt(2));
        int given = 0;
        if (star != null && d.code().equals("CL") && year >= 2022) {
          row(csv, star, "CSTD_CS", year, decision, decided);
          given++;
        }
        for (PersonView p : advanced) {
          if (given >= soldiers) {
            break;
          }
          if (p != star) {
            row(csv, p, "CSTD_CS", year, decision, decided);
            given++;
          }
        }
      }
      // collective titles of the district-level units and their communes
      for (DemoData.District d : DemoData.DISTRICTS) {
        csv.append(
            "COLLECTIVE,%s,,,TTLDTT,%d,%s,%s,\n".formatted(d.code(), year, decision, decided));
        if (rnd.nextInt(100) < 50) {
          csv.append(
              "COLLECTIVE,%s,,,TTLDXS,%d,%s,%s,\n".formatted(d.code(), year, decision, decided));
        }
        for (String[] c : d.communes()) {
          if (rnd.nextInt(100) < 70) {
            csv.append(
                "COLLECTIVE,%s.%s,,,TTLDTT,%d,%s,%s,\n"
                    .formatted(d.code(), c[0], year, decision, decided));
          }
        }
      }
      csv.append(
          "HOUSEHOLD,GL.GIALOC,,Hộ ông Phạm Văn Cường,GK_HGD,%d,,,Sản xuất kinh doanh giỏi\n"
              .formatted(year));
    }
    csv.append("COLLECTIVE,CL,,,CO_UBND,2023,25/QĐ-UBND,2024-01-20,Dẫn đầu khối thi đua\n");
    csv.append("COLLECTIVE,HDG,,,CO_UBND,2022,24/QĐ-UBND,2023-01-18,Dẫn đầu khối thi đua\n");
    imports.importFile(
        csv.toString().getBytes(StandardCharsets.UTF_8), "demo-awards-2020-2024.csv");

    // the star's initiative, recognised at provincial level (the movement module's registry)
    initiatives.create(
        new Initiatives.InitiativeForm(
            "Số hoá quy trình xét khen thưởng ở cấp xã",
            "CL",
            List.of(star.id()),
            "Cải cách hành chính",
            "Quy trình điện tử giúp rút ngắn thời gian xét khen thưởng từ 30 xuống 10 ngày.",
            "112/QĐ-UBND",
            LocalDate.of(2024, 9, 20),
            RecognisedInitiative.Level.PROVINCIAL,
            "Toàn tỉnh",
            0));

    proposalsAtEveryStep(star, tk, everyone);
    log.info("Demo rewards loaded.");
  }

  private void proposalsAtEveryStep(
      PersonView star, List<PersonView> tk, List<PersonView> everyone) {
    // draft: Kinh Môn's certificates of merit, still being prepared
    ProposalView draft =
        draft("KM", "BK_UBND_CN", "Đề nghị Bằng khen của Chủ tịch UBND tỉnh năm 2024");
    person(draft, first(everyone, "KM"));
    // returned to its unit, with the reason
    ProposalView returned = draft("NS", "BK_UBND_CN", "Đề nghị Bằng khen năm 2024 (Nam Sách)");
    person(returned, first(everyone, "NS"));
    returned = proposals.submit(returned.id(), step(returned.id()));
    proposals.returnToUnit(
        returned.id(),
        new Proposals.Return(
            "Thiếu biên bản họp Hội đồng Thi đua – Khen thưởng cấp huyện.",
            version(returned.id())));
    // submitted: Tứ Kỳ's grassroots emulation soldiers (the quota binds)
    ProposalView submitted =
        draft("TK", "CSTD_TINH", "Đề nghị Chiến sĩ thi đua cấp tỉnh năm 2024 (Tứ Kỳ)");
    person(submitted, tk.get(0));
    proposals.submit(submitted.id(), step(submitted.id()));
    // received by the secretariat
    ProposalView received =
        draft("GL", "TTLDXS", "Đề nghị Tập thể lao động xuất sắc năm 2024 (Gia Lộc)");
    unit(received, "GL.GIALOC");
    advance(received.id(), 2);
    // in eligibility review: the report is there
    ProposalView review =
        draft("NG", "BK_UBND_TT", "Đề nghị Bằng khen tập thể năm 2024 (Ninh Giang)");
    unit(review, "NG");
    advance(review.id(), 3);
    // on public notice now: the star, for the provincial title; a complaint answered
    ProposalView notice =
        draft("CL", "CSTD_TINH", "Đề nghị Chiến sĩ thi đua cấp tỉnh năm 2024 (Chí Linh)");
    person(notice, star);
    attach(notice.id());
    advance(notice.id(), 3);
    proposals.publishNotice(
        notice.id(),
        new Proposals.Notice(
            "Đủ điều kiện: 3 năm liên tục đạt CSTĐ cơ sở (2022–2024), sáng kiến cấp tỉnh 112/QĐ-UBND.",
            30,
            null,
            version(notice.id())));
    NoticeComments.CommentView complaint =
        comments.submit(
            notice.id(),
            new NoticeComments.NewComment(
                NoticeComments.Kind.COMPLAINT,
                null,
                null,
                "Sáng kiến này có thật sự được áp dụng ở các xã không?"),
            "demo");
    comments.answer(
        complaint.id(),
        new NoticeComments.Answer(
            "Sáng kiến đã được áp dụng tại 8 xã, phường của thành phố Chí Linh từ tháng 10/2024; biên"
                + " bản nghiệm thu có trong hồ sơ.",
            0));
    comments.submit(
        notice.id(),
        new NoticeComments.NewComment(
            NoticeComments.Kind.COMMENT, "Trần Văn Bình", null, "Đồng ý với đề nghị."),
        "demo");
    // ready for the council: the notice ran in January 2025 without comments
    ProposalView ready =
        draft("HDG", "TTLDXS", "Đề nghị Tập thể lao động xuất sắc năm 2024 (TP Hải Dương)");
    unit(ready, "HDG.TRANPHU");
    advance(ready.id(), 3);
    proposals.publishNotice(
        ready.id(),
        new Proposals.Notice("Đủ điều kiện.", 15, LocalDate.of(2025, 1, 10), version(ready.id())));
    proposals.ready(ready.id(), step(ready.id()));
  }

  private static PersonView first(List<PersonView> everyone, String unit) {
    return everyone.stream()
        .filter(p -> p.unitCode().equals(unit))
        .skip(1)
        .findFirst()
        .orElseThrow();
  }

  private ProposalView draft(String unit, String award, String title) {
    return proposals.create(
        new Proposals.NewProposal(
            ProposalKind.REGULAR,
            2024,
            title,
            unit,
            award,
            "Hoàn thành xuất sắc nhiệm vụ năm 2024."));
  }

  private void person(ProposalView p, PersonView who) {
    proposals.addNominee(
        p.id(), new Proposals.NomineeForm(Recipient.INDIVIDUAL, who.id(), null, null));
  }

  private void unit(ProposalView p, String code) {
    proposals.addNominee(p.id(), new Proposals.NomineeForm(Recipient.COLLECTIVE, null, code, null));
  }

  /** Attaches a small achievement report (PDF) to a draft. */
  void attach(long id) {
    byte[] pdf =
        ("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);
    proposals.attach(id, Proposals.FileRole.ACHIEVEMENT_REPORT, "bao-cao-thanh-tich.pdf", pdf);
  }

  /** Submitted (1), received (2), in review (3). */
  private void advance(long id, int steps) {
    proposals.submit(id, step(id));
    if (steps >= 2) {
      proposals.receive(id, step(id));
    }
    if (steps >= 3) {
      proposals.review(id, step(id));
    }
  }

  private Proposals.Step step(long id) {
    return new Proposals.Step(version(id));
  }

  private int version(long id) {
    return proposals.get(id).version();
  }

  private static void row(
      StringBuilder csv, PersonView p, String award, int year, String decision, String decided) {
    csv.append(
        "INDIVIDUAL,%s,%d,,%s,%d,%s,%s,\n"
            .formatted(p.unitCode(), p.id(), award, year, decision, decided));
  }
}
