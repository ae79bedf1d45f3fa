package org.laurel.access;

import java.time.LocalDate;
import java.util.List;
import org.laurel.access.WriteAccessMatrixTest.World;
import org.laurel.bloc.BlocCommands.NewBloc;
import org.laurel.bloc.Blocs;
import org.laurel.bloc.CouncilView;
import org.laurel.bloc.Councils;
import org.laurel.organisation.People;
import org.laurel.organisation.PersonView;
import org.laurel.organisation.UnitCommands.NewUnit;
import org.laurel.organisation.UnitKind;
import org.laurel.organisation.Units;
import org.springframework.transaction.support.TransactionTemplate;

/** Builds the matrix' world once, committed, through the services. */
final class MatrixWorld {

  private final Units units;
  private final People people;
  private final Blocs blocs;
  private final Councils councils;
  private final Users users;
  private final TransactionTemplate tx;
  private static volatile World world;

  MatrixWorld(
      Units units,
      People people,
      Blocs blocs,
      Councils councils,
      Users users,
      TransactionTemplate tx) {
    this.units = units;
    this.people = people;
    this.blocs = blocs;
    this.councils = councils;
    this.users = users;
    this.tx = tx;
  }

  /** The world, built on first use and kept for the life of the (shared) test context. */
  synchronized World get() {
    if (world == null) {
      tx.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
      Access.runAsSystem("matrix-setup", () -> world = tx.execute(s -> build()));
    }
    return world;
  }

  private World build() {
    LocalDate start = LocalDate.of(2020, 1, 1);
    units.create(new NewUnit("MX", "Tỉnh Ma Trận", UnitKind.PROVINCE, null, start));
    for (String d : List.of("MX.A", "MX.B", "MX.C")) {
      units.create(new NewUnit(d, "Huyện " + d, UnitKind.DISTRICT, "MX", start));
    }
    for (String c : List.of("MX.A.1", "MX.A.2", "MX.B.1", "MX.B.2")) {
      units.create(new NewUnit(c, "Xã " + c, UnitKind.COMMUNE, c.substring(0, 4), start));
    }
    PersonView own =
        people.create(
            People.PersonForm.of("MX.A", "Lê Thị Nhà", "Chuyên viên", PersonView.Gender.FEMALE));
    PersonView foreign =
        people.create(
            People.PersonForm.of("MX.B", "Phạm Văn Khách", "Chuyên viên", PersonView.Gender.MALE));
    long ownBloc =
        blocs
            .create(
                new NewBloc(
                    "MXB-OWN", "Khối nhà", 2024, null, List.of("MX.A", "MX.B"), "MX.A", "MX.B"))
            .id();
    long foreignBloc =
        blocs
            .create(
                new NewBloc(
                    "MXB-FOREIGN",
                    "Khối khách",
                    2024,
                    null,
                    List.of("MX.A", "MX.B"),
                    "MX.B",
                    "MX.A"))
            .id();
    PersonView seated =
        people.create(
            People.PersonForm.of("MX.C", "Hoàng Văn Ủy", "Ủy viên", PersonView.Gender.MALE));
    CouncilView council =
        councils.create(new Councils.NewCouncil("MXC", "Hội đồng ma trận", "MX", start, null));
    CouncilView.Member member =
        councils.addMember(
            council.id(),
            new Councils.NewMember(seated.id(), CouncilView.CouncilRole.MEMBER, start, null));
    for (var e : WriteAccessMatrixTest.USERS.entrySet()) {
      users.createInitial(
          new Users.NewUser(
              e.getValue(),
              e.getValue(),
              WriteAccessMatrixTest.PASSWORD,
              e.getKey(),
              "MX.A",
              null));
    }
    users.createInitial(
        new Users.NewUser(
            "mx-other", "Other", WriteAccessMatrixTest.PASSWORD, Role.VIEWER, "MX.B", null));
    users.createInitial(
        new Users.NewUser(
            "mx-target-own", "Own", WriteAccessMatrixTest.PASSWORD, Role.VIEWER, "MX.A", null));
    users.createInitial(
        new Users.NewUser(
            "mx-target-foreign",
            "Foreign",
            WriteAccessMatrixTest.PASSWORD,
            Role.VIEWER,
            "MX.B",
            null));
    return new World(
        "MX.A",
        "MX.B",
        "MX.A.1",
        "MX.B.1",
        "MX.A.2",
        "MX.B.2",
        ownBloc,
        foreignBloc,
        own.id(),
        foreign.id(),
        council.id(),
        member.id(),
        "mx-target-own",
        "mx-target-foreign");
  }
}
