package org.laurel.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.laurel.access.Access;
import org.laurel.movement.ExampleView;
import org.laurel.movement.Examples;
import org.laurel.movement.Initiatives;
import org.laurel.movement.MovementView;
import org.laurel.movement.Movements;
import org.laurel.movement.Movements.GoalForm;
import org.laurel.movement.Movements.MilestoneForm;
import org.laurel.movement.Movements.MovementForm;
import org.laurel.movement.Movements.Step;
import org.laurel.movement.Progress;
import org.laurel.movement.RecognisedInitiative.Level;
import org.laurel.movement.Registrations;
import org.laurel.movement.Registrations.EntrantForm;
import org.laurel.movement.Registrations.RegistrationForm;
import org.laurel.movement.Registrations.TargetForm;
import org.laurel.organisation.People;
import org.laurel.organisation.PersonView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's movements (synthetic): the two 2024 movements of Hải Dương with the district bloc
 * taking part, registrations for the 2024 titles, a dozen recognised initiatives, and advanced
 * examples and models with their replication by other districts. Loaded through the services, so
 * validated and audited like any other input.
 */
@Component
class DemoMovements {

  private static final Logger log = LoggerFactory.getLogger(DemoMovements.class);
  private static final MovementView.MilestoneKind LAUNCH = MovementView.MilestoneKind.LAUNCH;

  private final Movements movements;
  private final Registrations registrations;
  private final Initiatives initiatives;
  private final Examples examples;
  private final People people;
  private final Progress progress;

  DemoMovements(
      Movements movements,
      Registrations registrations,
      Initiatives initiatives,
      Examples examples,
      People people,
      Progress progress) {
    this.movements = movements;
    this.registrations = registrations;
    this.initiatives = initiatives;
    this.examples = examples;
    this.people = people;
    this.progress = progress;
  }

  @Transactional
  public void load() {
    Access.runAsSystem("demo-loader", this::loadAll);
  }

  private void loadAll() {
    log.info("Loading demo movements, initiatives and advanced examples…");
    List<String> districts = DemoData.DISTRICTS.stream().map(DemoData.District::code).toList();
    MovementView yearly =
        movements.create(
            new MovementForm(
                "TDYN-2024",
                "Phong trào thi đua yêu nước năm 2024",
                "Cả tỉnh thi đua, mỗi ngành thi đua, mỗi gia đình thi đua, mỗi người dân thi đua",
                MovementView.Kind.REGULAR,
                2024,
                "HD",
                "Ủy ban nhân dân tỉnh Hải Dương",
                "168/QĐ-UBND",
                LocalDate.of(2024, 1, 19),
                "Quyết định phát động phong trào thi đua năm 2024 (mô phỏng)",
                LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 12, 31),
                null,
                true,
                true,
                List.of("KHOI-HUYEN"),
                List.of(),
                List.of(
                    new MilestoneForm(
                        LAUNCH, "Hội nghị phát động thi đua", LocalDate.of(2024, 1, 26)),
                    new MilestoneForm(
                        MovementView.MilestoneKind.DEADLINE,
                        "Hạn đăng ký danh hiệu thi đua năm 2024",
                        LocalDate.of(2024, 3, 31)),
                    new MilestoneForm(
                        MovementView.MilestoneKind.MID_YEAR_REVIEW,
                        "Sơ kết 6 tháng đầu năm",
                        LocalDate.of(2024, 7, 15)),
                    new MilestoneForm(
                        MovementView.MilestoneKind.YEAR_END_REVIEW,
                        "Tổng kết phong trào thi đua năm 2024",
                        LocalDate.of(2025, 1, 20))),
                List.of(
                    new GoalForm(
                        "BUDGET_REVENUE",
                        "Hoàn thành vượt dự toán thu ngân sách",
                        new BigDecimal("19600")),
                    new GoalForm("INDUSTRIAL_OUTPUT", "Tăng giá trị sản xuất công nghiệp", null),
                    new GoalForm("DOSSIERS_ON_TIME", "Hồ sơ hành chính giải quyết đúng hạn", null)),
                List.of("CO_THI_DUA_UBND", "TAP_THE_LDXS", "BANG_KHEN_UBND", "CSTD_CO_SO"),
                "Phong trào thi đua thường xuyên của tỉnh năm 2024 (dữ liệu mô phỏng).",
                0));
    MovementView thematic =
        movements.create(
            new MovementForm(
                "DKST-2024",
                "Đoàn kết, đổi mới, sáng tạo, thi đua phát triển tỉnh nhanh và bền vững",
                "Đoàn kết – Đổi mới – Sáng tạo – Thi đua phát triển tỉnh Hải Dương nhanh và bền vững",
                MovementView.Kind.THEMATIC,
                2024,
                "HD",
                "Hội đồng Thi đua – Khen thưởng tỉnh Hải Dương",
                "22/KH-HĐTĐKT",
                LocalDate.of(2024, 2, 20),
                null,
                LocalDate.of(2024, 3, 1),
                LocalDate.of(2025, 6, 30),
                null,
                false,
                false,
                List.of("KHOI-HUYEN"),
                List.of("SNV", "SCT", "SKHDT"),
                List.of(
                    new MilestoneForm(LAUNCH, "Lễ phát động đợt thi đua", LocalDate.of(2024, 3, 5)),
                    new MilestoneForm(
                        MovementView.MilestoneKind.MID_YEAR_REVIEW,
                        "Sơ kết đợt thi đua",
                        LocalDate.of(2024, 12, 15)),
                    new MilestoneForm(
                        MovementView.MilestoneKind.YEAR_END_REVIEW,
                        "Tổng kết đợt thi đua",
                        LocalDate.of(2025, 7, 10))),
                List.of(
                    new GoalForm(
                        "INDUSTRIAL_OUTPUT", "Thu hút đầu tư, phát triển công nghiệp", null)),
                List.of("BANG_KHEN_UBND", "GIAY_KHEN"),
                "Đợt thi đua chuyên đề hướng tới Đại hội Đảng bộ tỉnh (mô phỏng).",
                0));
    yearly = running(yearly);
    thematic = running(thematic);

    // ten of the twelve districts registered for 2024; Thanh Miện and Tứ Kỳ had not (yet)
    Map<String, Map<String, BigDecimal>> reported = progress.reported(2024);
    for (int i = 0; i < districts.size(); i++) {
      String d = districts.get(i);
      if (d.equals("TM") || d.equals("TK")) {
        continue;
      }
      List<TargetForm> targets = new ArrayList<>();
      for (String ind : List.of("BUDGET_REVENUE", "INDUSTRIAL_OUTPUT")) {
        BigDecimal v = reported.getOrDefault(d, Map.of()).get(ind);
        if (v != null) {
          // targets a little above or below what was reached, so some are met and some not
          BigDecimal factor = new BigDecimal(i % 3 == 0 ? "1.08" : i % 3 == 1 ? "0.95" : "0.99");
          targets.add(new TargetForm(ind, v.multiply(factor).setScale(0, RoundingMode.HALF_UP)));
        }
      }
      PersonView officer = people.list(d, "Cán bộ thi đua").get(0);
      registrations.register(
          yearly.id(),
          new RegistrationForm(
              d,
              i % 4 == 0 ? List.of("CO_THI_DUA_UBND", "TAP_THE_LDXS") : List.of("TAP_THE_LDXS"),
              targets,
              List.of(new EntrantForm(officer.id(), "CSTD_CO_SO")),
              null,
              0));
    }
    for (String d : List.of("HDG", "CL", "CG", "KM", "TH")) {
      registrations.register(
          thematic.id(),
          new RegistrationForm(d, List.of("BANG_KHEN_UBND"), List.of(), List.of(), null, 0));
    }
    // the registration deadline, set once the registrations above were in
    movements.update(yearly.id(), withDeadline(yearly, LocalDate.of(2024, 3, 31)));
    MovementView y = movements.get(yearly.id());
    y = movements.review(y.id(), new Step(y.version()));
    movements.publish(y.id(), true, new Step(y.version()));
    MovementView t = movements.get(thematic.id());
    movements.publish(t.id(), true, new Step(t.version()));

    initiatives();
    examples(yearly.id(), thematic.id());
    log.info("Demo movements loaded.");
  }

  private MovementView running(MovementView m) {
    MovementView l = movements.launch(m.id(), new Step(m.version()));
    return movements.start(l.id(), new Step(l.version()));
  }

  private static MovementForm withDeadline(MovementView m, LocalDate deadline) {
    return new MovementForm(
        m.code(),
        m.title(),
        m.motto(),
        m.kind(),
        m.year(),
        m.launchingUnitCode(),
        m.launchingBody(),
        m.decisionNumber(),
        m.decisionDate(),
        m.decisionDocument(),
        m.startsOn(),
        m.endsOn(),
        deadline,
        m.individualsAllowed(),
        m.householdsAllowed(),
        m.blocs().stream().map(MovementView.Ref::code).toList(),
        m.units().stream().map(MovementView.Ref::code).toList(),
        m.milestones().stream()
            .map(x -> new MilestoneForm(x.kind(), x.title(), x.dueOn()))
            .toList(),
        m.goals().stream()
            .map(g -> new GoalForm(g.indicatorCode(), g.description(), g.target()))
            .toList(),
        m.awardTypes(),
        m.description(),
        m.version());
  }

  /** A dozen initiatives; the district officers and the Board's staff are among the authors. */
  private void initiatives() {
    Object[][] rows = {
      {
        "TK",
        "Số hóa quy trình tiếp nhận hồ sơ đất đai tại bộ phận một cửa",
        "Cải cách hành chính",
        "Cán bộ thi đua",
        "1520/QĐ-UBND",
        LocalDate.of(2024, 6, 14),
        Level.PROVINCIAL,
        "Toàn tỉnh"
      },
      {
        "SNV",
        "Phần mềm theo dõi hồ sơ khen thưởng trực tuyến",
        "Thi đua – khen thưởng",
        "Phạm Thu Hà",
        "85/QĐ-SNV",
        LocalDate.of(2024, 11, 8),
        Level.GRASSROOTS,
        "Sở Nội vụ"
      },
      {
        "TH",
        "Ghép cải tạo giống vải thiều chín sớm",
        "Nông nghiệp",
        "Cán bộ thi đua",
        "2011/QĐ-UBND",
        LocalDate.of(2024, 8, 2),
        Level.PROVINCIAL,
        "Các huyện trồng vải"
      },
      {
        "GL",
        "Quy trình trồng ổi VietGAP cho hộ nông dân",
        "Nông nghiệp",
        "Cán bộ thi đua",
        "312/QĐ-UBND",
        LocalDate.of(2024, 5, 20),
        Level.GRASSROOTS,
        "Huyện Gia Lộc"
      },
      {
        "CG",
        "Bản đồ số các dự án công nghiệp đang thu hút đầu tư",
        "Công nghiệp – đầu tư",
        "Cán bộ thi đua",
        "1877/QĐ-UBND",
        LocalDate.of(2024, 7, 25),
        Level.PROVINCIAL,
        "Toàn tỉnh"
      },
      {
        "HDG",
        "Tổ công nghệ số cộng đồng tại khu dân cư",
        "Chuyển đổi số",
        "Cán bộ thi đua",
        "455/QĐ-UBND",
        LocalDate.of(2024, 4, 11),
        Level.GRASSROOTS,
        "Thành phố Hải Dương"
      },
      {
        "CL",
        "Mô hình quản lý rác thải tại nguồn ở khu du lịch Côn Sơn",
        "Môi trường",
        "Cán bộ thi đua",
        "96/QĐ-UBND",
        LocalDate.of(2024, 3, 28),
        Level.GRASSROOTS,
        "Thành phố Chí Linh"
      },
      {
        "KM",
        "Tra cứu thủ tục hành chính qua mã QR",
        "Cải cách hành chính",
        "Cán bộ thi đua",
        "618/QĐ-UBND",
        LocalDate.of(2024, 9, 3),
        Level.GRASSROOTS,
        "Thị xã Kinh Môn"
      },
      {
        "SNV",
        "Bộ tiêu chí chấm điểm thi đua khối huyện",
        "Thi đua – khen thưởng",
        "Vũ Đức Thắng",
        "2456/QĐ-UBND",
        LocalDate.of(2024, 10, 17),
        Level.PROVINCIAL,
        "Toàn tỉnh"
      },
      {
        "NS",
        "Sổ tay hướng dẫn hồ sơ khen thưởng cấp xã",
        "Thi đua – khen thưởng",
        "Cán bộ thi đua",
        "540/QĐ-UBND",
        LocalDate.of(2023, 12, 5),
        Level.GRASSROOTS,
        "Huyện Nam Sách"
      },
      {
        "STC",
        "Đối chiếu số liệu thu ngân sách tự động với Kho bạc",
        "Tài chính",
        "Đỗ Thị Lan",
        "77/QĐ-STC",
        LocalDate.of(2024, 12, 20),
        Level.GRASSROOTS,
        "Sở Tài chính"
      },
      {
        "NG",
        "Nuôi cá lồng trên sông theo chuỗi liên kết",
        "Nông nghiệp",
        "Cán bộ thi đua",
        "1503/QĐ-BNN",
        LocalDate.of(2024, 9, 30),
        Level.NATIONAL,
        "Các tỉnh đồng bằng sông Hồng"
      },
    };
    for (Object[] r : rows) {
      String unit = (String) r[0];
      PersonView author = people.list(unit, (String) r[3]).get(0);
      initiatives.create(
          new Initiatives.InitiativeForm(
              (String) r[1],
              unit,
              List.of(author.id()),
              (String) r[2],
              null,
              (String) r[4],
              (LocalDate) r[5],
              (Level) r[6],
              (String) r[7],
              0));
    }
  }

  private void examples(long yearly, long thematic) {
    ExampleView crops =
        examples.nominate(
            new Examples.Nomination(
                "TH",
                yearly,
                ExampleView.Kind.MODEL,
                "Chuyển đổi cơ cấu cây trồng sang cây ăn quả giá trị cao",
                null,
                "Trên 600 ha đất lúa kém hiệu quả được chuyển sang trồng vải chín sớm, ổi và bưởi "
                    + "theo tiêu chuẩn VietGAP; giá trị thu hoạch bình quân tăng gấp 3 lần so với "
                    + "trồng lúa; hình thành chuỗi liên kết tiêu thụ với doanh nghiệp xuất khẩu.",
                "Báo cáo tổng kết của UBND huyện Thanh Hà (mô phỏng)"));
    ExampleView oneStop =
        examples.nominate(
            new Examples.Nomination(
                "CG",
                thematic,
                ExampleView.Kind.MODEL,
                "Bộ phận một cửa hiện đại, liên thông ba cấp",
                null,
                "Toàn bộ thủ tục của huyện và các xã được tiếp nhận tại một nơi, trả kết quả qua "
                    + "bưu điện hoặc trực tuyến; tỷ lệ hồ sơ giải quyết đúng hạn đạt 99,6 %, thời "
                    + "gian chờ trung bình giảm từ 40 xuống 12 phút.",
                "Số liệu hệ thống một cửa điện tử (mô phỏng)"));
    ExampleView household =
        examples.nominate(
            new Examples.Nomination(
                "NG",
                yearly,
                ExampleView.Kind.HOUSEHOLD,
                "Hộ nông dân sản xuất kinh doanh giỏi nuôi cá lồng",
                null,
                "Gia đình phát triển 12 lồng cá trên sông Luộc, tạo việc làm cho 8 lao động.",
                null));
    examples.nominate(
        new Examples.Nomination(
            "KM",
            yearly,
            ExampleView.Kind.COLLECTIVE,
            "Tập thể Phòng Văn hóa – Thông tin thị xã Kinh Môn",
            null,
            "Dẫn đầu phong trào xây dựng đời sống văn hóa ở khu dân cư.",
            null));
    crops = publish(examples.verify(crops.id(), new Step(crops.version())));
    oneStop = publish(examples.verify(oneStop.id(), new Step(oneStop.version())));
    // verified but not published: it must not reach the portal
    examples.verify(household.id(), new Step(household.version()));
    Object[][] cropReplications = {
      {"GL", LocalDate.of(2024, 3, 1), "120 ha chuyển sang trồng ổi, cà rốt"},
      {"TK", LocalDate.of(2024, 4, 15), "85 ha chuyển sang trồng bưởi, vải"},
      {"NG", LocalDate.of(2024, 6, 1), "60 ha chuyển sang trồng cây ăn quả"},
      {"KT", LocalDate.of(2024, 9, 10), null},
    };
    for (Object[] r : cropReplications) {
      examples.replicate(
          crops.id(), new Examples.ReplicationForm((String) r[0], (LocalDate) r[1], (String) r[2]));
    }
    Object[][] oneStopReplications = {
      {"BG", LocalDate.of(2024, 5, 2), "Tỷ lệ đúng hạn đạt 98 %"},
      {"NS", LocalDate.of(2024, 6, 17), "Thời gian chờ giảm một nửa"},
      {"CL", LocalDate.of(2024, 7, 1), null},
      {"KM", LocalDate.of(2024, 8, 5), "Liên thông với 14 phường, xã"},
      {"TM", LocalDate.of(2024, 10, 1), null},
      {"HDG", LocalDate.of(2024, 11, 4), "Trả kết quả trực tuyến 70 % hồ sơ"},
    };
    for (Object[] r : oneStopReplications) {
      examples.replicate(
          oneStop.id(),
          new Examples.ReplicationForm((String) r[0], (LocalDate) r[1], (String) r[2]));
    }
  }

  private ExampleView publish(ExampleView e) {
    return examples.publish(e.id(), new Step(e.version()));
  }
}
