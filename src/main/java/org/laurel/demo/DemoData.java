package org.laurel.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.laurel.access.Access;
import org.laurel.access.Role;
import org.laurel.access.Users;
import org.laurel.bloc.BlocCommands.NewBloc;
import org.laurel.bloc.Blocs;
import org.laurel.bloc.CouncilView;
import org.laurel.bloc.CouncilView.CouncilRole;
import org.laurel.bloc.Councils;
import org.laurel.organisation.People;
import org.laurel.organisation.People.PersonForm;
import org.laurel.organisation.PersonView;
import org.laurel.organisation.PersonView.Gender;
import org.laurel.organisation.ReorganisationKind;
import org.laurel.organisation.UnitCommands.Dissolve;
import org.laurel.organisation.UnitCommands.Link;
import org.laurel.organisation.UnitCommands.NewUnit;
import org.laurel.organisation.UnitCommands.Rename;
import org.laurel.organisation.UnitCommands.Restructure;
import org.laurel.organisation.UnitCommands.Transfer;
import org.laurel.organisation.UnitKind;
import org.laurel.organisation.Units;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the demo: Hải Dương province with its 12 district-level units and some communes, its
 * departments, the district bloc for 2023 and 2024, the provincial council, the reorganisation of
 * 2025-07-01 on a representative part, and one user per role. Everything goes through the modules'
 * public services, so it is validated and audited like any other input.
 */
@Component
class DemoData {

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);
  static final LocalDate FOUNDED = LocalDate.of(1997, 1, 1);
  static final LocalDate REFORM = LocalDate.of(2025, 7, 1);

  /** District-level units: code, name, kind, and three communes or wards each. */
  record District(String code, String name, UnitKind kind, List<String[]> communes) {}

  static final List<District> DISTRICTS =
      List.of(
          d(
              "HDG",
              "Thành phố Hải Dương",
              UnitKind.CITY,
              w("TRANPHU", "Phường Trần Phú"),
              w("QUANGTRUNG", "Phường Quang Trung"),
              w("NGUYENTRAI", "Phường Nguyễn Trãi")),
          d(
              "CL",
              "Thành phố Chí Linh",
              UnitKind.CITY,
              w("SAODO", "Phường Sao Đỏ"),
              w("CONGHOA", "Phường Cộng Hòa"),
              w("PHALAI", "Phường Phả Lại")),
          d(
              "KM",
              "Huyện Kinh Môn",
              UnitKind.DISTRICT,
              w("ANLUU", "Phường An Lưu"),
              w("MINHTAN", "Phường Minh Tân"),
              w("PHUTHU", "Phường Phú Thứ")),
          d(
              "BG",
              "Huyện Bình Giang",
              UnitKind.DISTRICT,
              c("KESAT", "Thị trấn Kẻ Sặt"),
              c("THAIHOC", "Xã Thái Học"),
              c("VINHHONG", "Xã Vĩnh Hồng")),
          d(
              "CG",
              "Huyện Cẩm Giàng",
              UnitKind.DISTRICT,
              c("LAICACH", "Thị trấn Lai Cách"),
              c("TANTRUONG", "Xã Tân Trường"),
              c("CAMVU", "Xã Cẩm Vũ")),
          d(
              "GL",
              "Huyện Gia Lộc",
              UnitKind.DISTRICT,
              c("GIALOC", "Thị trấn Gia Lộc"),
              c("PHAMTRAN", "Xã Phạm Trấn"),
              c("THONGNHAT", "Xã Thống Nhất")),
          d(
              "KT",
              "Huyện Kim Thành",
              UnitKind.DISTRICT,
              c("PHUTHAI", "Thị trấn Phú Thái"),
              c("KIMXUYEN", "Xã Kim Xuyên"),
              c("CODUNG", "Xã Cổ Dũng")),
          d(
              "NS",
              "Huyện Nam Sách",
              UnitKind.DISTRICT,
              c("NAMSACH", "Thị trấn Nam Sách"),
              c("ANLAM", "Xã An Lâm"),
              c("NAMHONG", "Xã Nam Hồng")),
          d(
              "NG",
              "Huyện Ninh Giang",
              UnitKind.DISTRICT,
              c("NINHGIANG", "Thị trấn Ninh Giang"),
              c("HONGPHONG", "Xã Hồng Phong"),
              c("VINHHOA", "Xã Vĩnh Hòa")),
          d(
              "TH",
              "Huyện Thanh Hà",
              UnitKind.DISTRICT,
              c("THANHHA", "Thị trấn Thanh Hà"),
              c("THANHSON", "Xã Thanh Sơn"),
              c("TANAN", "Xã Tân An")),
          d(
              "TM",
              "Huyện Thanh Miện",
              UnitKind.DISTRICT,
              c("THANHMIEN", "Thị trấn Thanh Miện"),
              c("DOANTUNG", "Xã Đoàn Tùng"),
              c("NGUHUNG", "Xã Ngũ Hùng")),
          d(
              "TK",
              "Huyện Tứ Kỳ",
              UnitKind.DISTRICT,
              c("TUKY", "Thị trấn Tứ Kỳ"),
              c("QUANGPHUC", "Xã Quang Phục"),
              c("TIENDONG", "Xã Tiên Động")));

  static final String[][] DEPARTMENTS = {
    {"SNV", "Sở Nội vụ", "DEPARTMENT"},
    {"STC", "Sở Tài chính", "DEPARTMENT"},
    {"SKHDT", "Sở Kế hoạch và Đầu tư", "DEPARTMENT"},
    {"SCT", "Sở Công Thương", "DEPARTMENT"},
    {"SGDDT", "Sở Giáo dục và Đào tạo", "DEPARTMENT"},
    {"SYT", "Sở Y tế", "DEPARTMENT"},
    {"CTHUE", "Cục Thuế tỉnh Hải Dương", "AGENCY"},
  };

  /** The council: name, position, unit, role. The people are synthetic. */
  static final String[][] COUNCIL = {
    {"Nguyễn Văn Hùng", "Chủ tịch UBND tỉnh", "HD", "CHAIR"},
    {"Trần Thị Hoa", "Phó Chủ tịch UBND tỉnh", "HD", "VICE_CHAIR"},
    {"Lê Minh Tuấn", "Giám đốc Sở Nội vụ", "SNV", "VICE_CHAIR"},
    {"Phạm Thu Hà", "Trưởng ban Thi đua – Khen thưởng", "SNV", "STANDING_MEMBER"},
    {"Vũ Đức Thắng", "Phó Trưởng ban Thi đua – Khen thưởng", "SNV", "SECRETARY"},
    {"Đỗ Thị Lan", "Giám đốc Sở Tài chính", "STC", "MEMBER"},
    {"Bùi Văn Nam", "Giám đốc Sở Kế hoạch và Đầu tư", "SKHDT", "MEMBER"},
    {"Đặng Thị Mai", "Giám đốc Sở Công Thương", "SCT", "MEMBER"},
    {"Ngô Quang Huy", "Giám đốc Sở Giáo dục và Đào tạo", "SGDDT", "MEMBER"},
    {"Dương Thị Thảo", "Giám đốc Sở Y tế", "SYT", "MEMBER"},
    {"Hoàng Anh Tuấn", "Cục trưởng Cục Thuế", "CTHUE", "MEMBER"},
    {"Phan Văn Long", "Chánh Văn phòng UBND tỉnh", "HD", "MEMBER"},
    {"Trịnh Thị Ngọc", "Chủ tịch Liên đoàn Lao động tỉnh", "HD", "MEMBER"},
    {"Lương Văn Sơn", "Chủ tịch Ủy ban MTTQ Việt Nam tỉnh", "HD", "MEMBER"},
    {"Mạc Thị Yến", "Chủ tịch Hội Liên hiệp Phụ nữ tỉnh", "HD", "MEMBER"},
    {"Cao Văn Bình", "Bí thư Tỉnh đoàn", "HD", "MEMBER"},
    {"Tạ Thị Hương", "Tổng Biên tập Báo Hải Dương", "HD", "MEMBER"},
  };

  private final Units units;
  private final People people;
  private final Blocs blocs;
  private final Councils councils;
  private final Users users;
  private final DemoIndicators indicators;
  private final DemoScoring scoring;
  private final DemoRewards rewards;

  DemoData(
      Units units,
      People people,
      Blocs blocs,
      Councils councils,
      Users users,
      DemoIndicators indicators,
      DemoScoring scoring,
      DemoRewards rewards) {
    this.rewards = rewards;
    this.indicators = indicators;
    this.scoring = scoring;
    this.units = units;
    this.people = people;
    this.blocs = blocs;
    this.councils = councils;
    this.users = users;
  }

  /** Loads everything in one transaction: a half-loaded demo is never left behind. */
  @Transactional
  public void load(String password) {
    Access.runAsSystem("demo-loader", () -> loadAll(password));
  }

  private void loadAll(String password) {
    log.info("Loading demo data (Hải Dương province)…");
    units.create(new NewUnit("HD", "Tỉnh Hải Dương", UnitKind.PROVINCE, null, FOUNDED));
    units.create(
        new NewUnit("HPG", "Thành phố Hải Phòng (trước 2025)", UnitKind.CITY, null, FOUNDED));
    for (String[] dep : DEPARTMENTS) {
      units.create(new NewUnit(dep[0], dep[1], UnitKind.valueOf(dep[2]), "HD", FOUNDED));
    }
    for (District d : DISTRICTS) {
      units.create(new NewUnit(d.code(), d.name(), d.kind(), "HD", FOUNDED));
      for (String[] c : d.communes()) {
        units.create(
            new NewUnit(d.code() + "." + c[0], c[1], UnitKind.valueOf(c[2]), d.code(), FOUNDED));
      }
    }
    // Kinh Môn became a town (thị xã) on 2020-03-01
    units.rename(
        "KM",
        new Rename(
            "Thị xã Kinh Môn", UnitKind.TOWN, LocalDate.of(2020, 3, 1), "NQ 863/NQ-UBTVQH14"));

    List<PersonView> council = new ArrayList<>();
    for (String[] m : COUNCIL) {
      council.add(
          people.create(
              PersonForm.of(
                  m[2], m[0], m[1], m[0].contains(" Thị ") ? Gender.FEMALE : Gender.MALE)));
    }
    for (District d : DISTRICTS) {
      people.create(
          PersonForm.of(
              d.code(), "Cán bộ thi đua " + d.name(), "Chuyên viên thi đua", Gender.FEMALE));
    }

    List<String> members = DISTRICTS.stream().map(District::code).toList();
    String name = "Khối thi đua các huyện, thị xã, thành phố";
    String programme =
        "Thi đua hoàn thành thắng lợi các chỉ tiêu phát triển kinh tế – xã hội; "
            + "thu ngân sách, giá trị sản xuất công nghiệp, cải cách hành chính.";
    blocs.create(new NewBloc("KHOI-HUYEN", name, 2023, programme, members, "HDG", "CL"));
    blocs.create(new NewBloc("KHOI-HUYEN", name, 2024, programme, members, "CL", "KM"));

    CouncilView c =
        councils.create(
            new Councils.NewCouncil(
                "HDTDKT-HD",
                "Hội đồng Thi đua – Khen thưởng tỉnh Hải Dương",
                "HD",
                LocalDate.of(2021, 7, 1),
                REFORM.minusDays(1)));
    for (int i = 0; i < COUNCIL.length; i++) {
      councils.addMember(
          c.id(),
          new Councils.NewMember(
              council.get(i).id(),
              CouncilRole.valueOf(COUNCIL[i][3]),
              LocalDate.of(2021, 7, 1),
              REFORM.minusDays(1)));
    }

    indicators.load();
    scoring.load();
    reform();
    // awards, rules in use, proposals (before the users, whose creation ends the demo's log)
    rewards.load();

    user("admin", "Quản trị hệ thống", Role.ADMIN, "SNV", null, password);
    user("secretariat", "Ban Thi đua – Khen thưởng", Role.SECRETARIAT, "SNV", null, password);
    user(
        "council",
        council.get(3).fullName(),
        Role.COUNCIL_MEMBER,
        "SNV",
        council.get(3).id(),
        password);
    user("blochead", "Cán bộ thi đua TP Chí Linh", Role.BLOC_HEAD, "CL", null, password);
    user("reporter", "Cán bộ thi đua huyện Tứ Kỳ", Role.UNIT_REPORTER, "TK", null, password);
    user("viewer", "Lãnh đạo UBND tỉnh", Role.VIEWER, "HD", null, password);
    log.info("Demo data loaded.");
  }

  /**
   * 2025-07-01: the district level is abolished and Hải Dương merges into Hải Phòng. The new
   * communes and wards and the lineage shares are synthetic: they show the mechanics on real names,
   * not the official mapping.
   */
  private void reform() {
    String ref = "NQ 202/2025/QH15";
    units.create(new NewUnit("HP", "Thành phố Hải Phòng", UnitKind.CITY, null, REFORM));
    for (District d : DISTRICTS) {
      String[] c1 = d.communes().get(0);
      String[] c2 = d.communes().get(1);
      String[] c3 = d.communes().get(2);
      String merged = "HP." + d.code() + "." + c1[0];
      boolean urban = c1[2].equals("WARD");
      String mergedName =
          (urban ? "Phường " : "Xã ") + d.name().replaceFirst("^(Thành phố|Huyện|Thị xã) ", "");
      // two communes merge into a new one under Hải Phòng
      units.restructure(
          new Restructure(
              ReorganisationKind.MERGE,
              REFORM,
              ref,
              "Sắp xếp đơn vị hành chính cấp xã (mô phỏng)",
              true,
              List.of(
                  new NewUnit(
                      merged,
                      mergedName,
                      urban ? UnitKind.WARD : UnitKind.COMMUNE,
                      "HP",
                      REFORM,
                      true)),
              List.of(
                  new Link(d.code() + "." + c1[0], merged, BigDecimal.ONE),
                  new Link(d.code() + "." + c2[0], merged, BigDecimal.ONE))));
      if (d.code().equals("TK")) {
        // in Tứ Kỳ, Tiên Động is split between the new commune and its neighbour Quang Phục's
        // successor
        units.restructure(
            new Restructure(
                ReorganisationKind.SPLIT,
                REFORM,
                ref,
                "Chia tách địa giới (mô phỏng)",
                true,
                List.of(
                    new NewUnit(
                        "HP.TK.TIENDONG", "Xã Tiên Động", UnitKind.COMMUNE, "HP", REFORM, true)),
                List.of(
                    new Link("TK." + c3[0], "HP.TK.TIENDONG", new BigDecimal("0.7")),
                    new Link("TK." + c3[0], merged, new BigDecimal("0.3")))));
      } else {
        // the third keeps its territory: it moves under Hải Phòng
        units.transfer(d.code() + "." + c3[0], new Transfer("HP", REFORM, ref));
      }
      units.dissolve(d.code(), new Dissolve(REFORM, ref));
    }
    for (String[] dep : DEPARTMENTS) {
      units.transfer(dep[0], new Transfer("HP", REFORM, ref));
    }
    units.restructure(
        new Restructure(
            ReorganisationKind.MERGE,
            REFORM,
            ref,
            "Hợp nhất tỉnh Hải Dương và thành phố Hải Phòng thành thành phố Hải Phòng",
            false,
            List.of(),
            List.of(new Link("HD", "HP", BigDecimal.ONE), new Link("HPG", "HP", BigDecimal.ONE))));
  }

  private void user(
      String username, String display, Role role, String unit, @Nullable Long person, String pw) {
    users.createInitial(
        new Users.NewUser(
            username, display, pw, role, unit, person, username + "@laurel.invalid", null));
  }

  private static District d(String code, String name, UnitKind kind, String[]... communes) {
    return new District(code, name, kind, List.of(communes));
  }

  private static String[] w(String code, String name) {
    return new String[] {code, name, "WARD"};
  }

  private static String[] c(String code, String name) {
    return new String[] {code, name, "COMMUNE"};
  }
}
