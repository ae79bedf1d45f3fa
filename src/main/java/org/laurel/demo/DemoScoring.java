package org.laurel.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.laurel.bloc.BlocView;
import org.laurel.bloc.Blocs;
import org.laurel.scoring.Assessments;
import org.laurel.scoring.PactDefinition;
import org.laurel.scoring.PactDefinition.Band;
import org.laurel.scoring.PactDefinition.Criterion;
import org.laurel.scoring.PactDefinition.Group;
import org.laurel.scoring.PactDefinition.Measure;
import org.laurel.scoring.PactDefinition.Method;
import org.laurel.scoring.PactDefinition.Round;
import org.laurel.scoring.PactDefinition.Rule;
import org.laurel.scoring.PactDefinition.Step;
import org.laurel.scoring.PactDefinition.Weights;
import org.laurel.scoring.Pacts;
import org.laurel.scoring.Results;
import org.laurel.scoring.ScoringCommands.NewItem;
import org.laurel.scoring.ScoringCommands.ScoreEntry;
import org.laurel.scoring.ScoringCommands.SheetForm;
import org.laurel.scoring.ScoringCommands.Submit;
import org.laurel.scoring.SheetView;
import org.springframework.stereotype.Component;

/**
 * The 2024 pact of the district bloc, complete self, cross and council sheets with synthetic,
 * deterministic scores, two items and a published version 1. Ninh Giang and Thanh Miện score each
 * other markedly higher than the rest of the bloc scores them.
 */
@Component
class DemoScoring {

  static final String[] COLLUDING = {"NG", "TM"};

  private final Blocs blocs;
  private final Pacts pacts;
  private final Assessments assessments;
  private final Results results;

  DemoScoring(Blocs blocs, Pacts pacts, Assessments assessments, Results results) {
    this.blocs = blocs;
    this.pacts = pacts;
    this.assessments = assessments;
    this.results = results;
  }

  static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  static Criterion manual(String code, String name, String max) {
    return new Criterion(code, name, d(max), Method.MANUAL, null, null, null, null);
  }

  static Criterion linked(String code, String name, String max, String ind, Measure m, Rule r) {
    return new Criterion(code, name, d(max), Method.INDICATOR, ind, m, null, r);
  }

  static Rule bands(String... fromPoints) {
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < fromPoints.length; i += 2) {
      steps.add(new Step(d(fromPoints[i]), d(fromPoints[i + 1])));
    }
    return new Rule(steps, null, null, null, null);
  }

  static PactDefinition definition() {
    return new PactDefinition(
        java.time.LocalDate.of(2024, 2, 20),
        "Trưởng khối: TP Chí Linh; Phó khối: TX Kinh Môn; các huyện, thị xã, thành phố thành viên",
        List.of(
            new Group(
                "KT",
                "Kinh tế",
                d("350"),
                List.of(
                    // ≥ 100 % of the estimate → 120; 3 less per 1 % short; above 110 % → 5 bonus
                    linked(
                        "KT.THU_NS",
                        "Thu ngân sách nhà nước so với dự toán",
                        "120",
                        "BUDGET_REVENUE",
                        Measure.ACHIEVEMENT,
                        new Rule(null, d("100"), d("3"), d("110"), d("5"))),
                    linked(
                        "KT.CONG_NGHIEP",
                        "Tăng trưởng giá trị sản xuất công nghiệp",
                        "100",
                        "INDUSTRIAL_OUTPUT",
                        Measure.GROWTH,
                        bands("0", "40", "5", "60", "10", "80", "15", "100")),
                    manual("KT.DAU_TU", "Thu hút đầu tư, phát triển doanh nghiệp", "130"))),
            new Group(
                "VHXH",
                "Văn hóa – xã hội",
                d("250"),
                List.of(
                    linked(
                        "VHXH.HO_NGHEO",
                        "Giảm tỷ lệ hộ nghèo so với kế hoạch",
                        "60",
                        "POVERTY_RATE",
                        Measure.ACHIEVEMENT,
                        bands("80", "30", "90", "45", "100", "60")),
                    manual("VHXH.GD_YT", "Giáo dục, y tế, văn hóa, an sinh xã hội", "190"))),
            new Group(
                "QPAN",
                "Quốc phòng – an ninh",
                d("100"),
                List.of(
                    manual("QPAN.CHUNG", "Quốc phòng, an ninh, trật tự an toàn xã hội", "100"))),
            new Group(
                "XDCQ",
                "Xây dựng chính quyền, cải cách hành chính",
                d("200"),
                List.of(
                    linked(
                        "XDCQ.HO_SO",
                        "Hồ sơ thủ tục hành chính giải quyết đúng hạn",
                        "80",
                        "DOSSIERS_ON_TIME",
                        Measure.ACHIEVEMENT,
                        bands("90", "40", "95", "60", "100", "80")),
                    manual("XDCQ.CCHC", "Cải cách hành chính, chuyển đổi số", "120"))),
            new Group(
                "TDKT",
                "Công tác thi đua, khen thưởng",
                d("100"),
                List.of(
                    manual("TDKT.PHONG_TRAO", "Tổ chức phong trào thi đua, khen thưởng", "100"),
                    new Criterion(
                        "TDKT.THUONG",
                        "Điểm thưởng",
                        d("20"),
                        Method.BONUS,
                        null,
                        null,
                        null,
                        null),
                    new Criterion(
                        "TDKT.TRU", "Điểm trừ", d("20"), Method.PENALTY, null, null, null, null)))),
        new Weights(d("0.2"), d("0.3"), d("0.5")),
        List.of(
            new Band(d("900"), "EXCELLENT"),
            new Band(d("800"), "GOOD"),
            new Band(d("650"), "COMPLETE")),
        "NOT_COMPLETE",
        List.of("COUNCIL", "KT", "XDCQ"),
        true);
  }

  /**
   * In the order of {@link DemoIndicators#units()}: HDG, CL, KM, BG, CG, GL, KT, NS, NG, TH, TM,
   * TK.
   */
  static final double[] STANDING = {
    0.93, 0.91, 0.86, 0.78, 0.84, 0.79, 0.80, 0.82, 0.74, 0.76, 0.73, 0.77
  };

  void load() {
    BlocView bloc =
        blocs.list(2024).stream()
            .filter(b -> b.code().equals("KHOI-HUYEN"))
            .findFirst()
            .orElseThrow();
    long pact = pacts.create(bloc.id(), definition()).id();
    List<Criterion> manual =
        definition().groups().stream()
            .flatMap(g -> g.criteria().stream())
            .filter(c -> c.method() == Method.MANUAL)
            .toList();
    List<String> units = DemoIndicators.units();
    for (int u = 0; u < units.size(); u++) {
      String unit = units.get(u);
      // a unit's standing, share of the max (synthetic): the cities and the industrial towns lead
      double q = STANDING[u];
      sheet(pact, Round.SELF, unit, unit, manual, c -> Math.min(1, q + 0.08));
      for (int a = 0; a < units.size(); a++) {
        if (a == u) {
          continue;
        }
        String assessor = units.get(a);
        double spread = ((a * 5 + u * 3) % 7 - 3) / 100.0;
        boolean colluding =
            List.of(COLLUDING).contains(unit) && List.of(COLLUDING).contains(assessor);
        sheet(
            pact,
            Round.CROSS,
            assessor,
            unit,
            manual,
            c -> Math.min(1, colluding ? q + 0.16 : q + spread));
      }
      sheet(pact, Round.COUNCIL, "COUNCIL", unit, manual, c -> q - 0.02);
    }
    pacts.addItem(
        pact, new NewItem("HDG", "TDKT.THUONG", d("10"), "Cờ thi đua của Chính phủ năm 2023"));
    pacts.addItem(pact, new NewItem("KT", "TDKT.TRU", d("5"), "Nộp báo cáo quý III chậm 10 ngày"));
    results.publish(pact);
  }

  private void sheet(
      long pact,
      Round round,
      String assessor,
      String assessed,
      List<Criterion> manual,
      java.util.function.ToDoubleFunction<Criterion> share) {
    List<ScoreEntry> scores = new ArrayList<>();
    for (Criterion c : manual) {
      // to the half point
      BigDecimal pts =
          BigDecimal.valueOf(Math.round(c.maxPoints().doubleValue() * share.applyAsDouble(c) * 2))
              .divide(BigDecimal.valueOf(2), 1, RoundingMode.UNNECESSARY);
      scores.add(new ScoreEntry(c.code(), pts, false, null));
    }
    SheetView s = assessments.save(pact, round, assessor, assessed, new SheetForm(scores, null));
    assessments.submit(pact, round, assessor, assessed, new Submit(s.version()));
  }
}
