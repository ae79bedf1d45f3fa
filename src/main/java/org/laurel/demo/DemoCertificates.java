package org.laurel.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.laurel.access.Access;
import org.laurel.certificate.CertificateView;
import org.laurel.certificate.Certificates;
import org.laurel.organisation.People;
import org.laurel.organisation.PersonView;
import org.laurel.reward.AwardHistory;
import org.laurel.reward.AwardHistory.NewAward;
import org.laurel.reward.AwardRecord;
import org.laurel.reward.AwardType.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo certificates (synthetic): certificates for the awards of 2024 on record. Where the history
 * holds no award of 2024 yet, a few are granted first (through {@link AwardHistory#grant}, so the
 * certificate module hears of them as of any award): Tập thể lao động xuất sắc for Cẩm Giàng, TP
 * Hải Dương and TP Chí Linh, and Bằng khen of the province chairman for two people. (Not the
 * emulation flag or the collective Bằng khen that the bloc's 2024 proposals ask for: the council's
 * decisions will grant those.) One certificate is revoked, with its reason and revoking decision.
 */
@Component
class DemoCertificates {

  private static final Logger log = LoggerFactory.getLogger(DemoCertificates.class);

  static final int YEAR = 2024;
  static final String DECISION = "14/QĐ-UBND";
  static final LocalDate DECIDED = LocalDate.of(2025, 1, 15);
  static final String REVOKED_REASON =
      "Hồ sơ đề nghị kê khai sai thành tích; khen thưởng bị hủy bỏ (dữ liệu mô phỏng).";
  static final String REVOKING_DECISION = "210/QĐ-UBND";

  private final AwardHistory awards;
  private final Certificates certificates;
  private final People people;

  DemoCertificates(AwardHistory awards, Certificates certificates, People people) {
    this.awards = awards;
    this.certificates = certificates;
    this.people = people;
  }

  @Transactional
  public void load() {
    Access.runAsSystem("demo-loader", this::loadAll);
  }

  private void loadAll() {
    log.info("Issuing demo certificates…");
    List<Long> ids = new ArrayList<>();
    for (DemoData.District d : DemoData.DISTRICTS) {
      if (ids.size() >= 24) {
        break;
      }
      for (AwardRecord a : awards.ofUnit(d.code(), false)) {
        if (a.year() == YEAR && ids.size() < 24) {
          ids.add(a.id());
        }
      }
    }
    if (ids.isEmpty()) {
      ids.add(collective("CG", "Dẫn đầu Khối thi đua các huyện, thị xã, thành phố năm 2024"));
      ids.add(collective("HDG", "Hoàn thành xuất sắc nhiệm vụ năm 2024"));
      ids.add(collective("CL", "Hoàn thành xuất sắc nhiệm vụ năm 2024"));
      ids.add(
          person(
              "Vũ Đức Thắng",
              "Có thành tích xuất sắc trong công tác thi đua, khen thưởng năm 2024"));
      ids.add(
          person(
              "Đặng Thị Mai",
              "Có thành tích xuất sắc trong phát triển công nghiệp, thương mại năm 2024"));
    }
    List<CertificateView> issued = certificates.issue(new Certificates.IssueRequest(ids));
    CertificateView revoked = issued.get(Math.min(1, issued.size() - 1));
    certificates.revoke(
        revoked.awardId(), new Certificates.Revocation(REVOKED_REASON, REVOKING_DECISION));
    log.info("Demo certificates issued: {} (one revoked).", issued.size());
  }

  private long collective(String unit, String achievement) {
    return awards
        .grant(
            new NewAward(
                Recipient.COLLECTIVE,
                null,
                unit,
                null,
                "TTLDXS",
                YEAR,
                DECISION,
                DECIDED,
                achievement))
        .id();
  }

  private long person(String name, String achievement) {
    PersonView p = people.list(null, name).get(0);
    return awards
        .grant(
            new NewAward(
                Recipient.INDIVIDUAL,
                p.id(),
                null,
                null,
                "BK_UBND_CN",
                YEAR,
                DECISION,
                DECIDED,
                achievement))
        .id();
  }
}
