package org.laurel.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.laurel.access.Access;
import org.laurel.organisation.People;
import org.laurel.organisation.PersonView;
import org.laurel.reward.AwardType.Recipient;
import org.laurel.reward.ProposalKind;
import org.laurel.reward.ProposalView;
import org.laurel.reward.Proposals;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The secretariat drafts a decision from the council's approved nominees, issues and publishes it
 * in a browser; the public reads it on a phone; the fund page shows the payments.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "laurel.db.data-dir=${java.io.tmpdir}/laurel-browser-${random.uuid}",
      "laurel.demo.enabled=true",
      "laurel.db.embedded-temporary=true",
      // files outside the working tree, as in BrowserApp
      "laurel.reward.attachments-dir=${java.io.tmpdir}/laurel-attachments-${random.uuid}",
      "laurel.scoring.evidence-dir=${java.io.tmpdir}/laurel-evidence-${random.uuid}"
    })
class DecisionPagesBrowserTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Proposals proposals;
  @Autowired People people;
  ChromeDriver browser;

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void draftsIssuesAndPublishesADecisionThatThePublicReadsOnAPhone() throws Exception {
    browser = Browsers.start();
    voted("CL", "Trần Thị Minh Phương");
    voted("TK", "Nguyễn Văn Quyết Thắng");
    var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    String base = "http://localhost:" + port;
    browser.get(base + "/login");
    browser.findElement(By.id("username")).sendKeys("secretariat");
    browser.findElement(By.id("password")).sendKeys("demo");
    browser.findElement(By.cssSelector("form button[type=submit]")).click();
    wait.until(ExpectedConditions.urlToBe(base + "/"));

    browser.get(base + "/decisions/new");
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("Lập dự thảo quyết định khen thưởng");
    for (var box : browser.findElements(By.name("nomineeIds"))) {
      box.click();
    }
    browser.findElement(By.id("decidedOn")).clear();
    browser.executeScript("document.getElementById('decidedOn').value = '2025-01-27'");
    Browsers.screenshot(browser, "decision-new.png");
    browser.findElement(By.cssSelector("form.grid-form button[type=submit]")).click();
    wait.until(ExpectedConditions.urlMatches(".*/decisions/\\d+$"));
    assertThat(browser.findElement(By.cssSelector(".flash")).getText()).contains("Đã lưu dự thảo");

    browser.findElement(By.cssSelector("form[action$='/issue'] button")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".flash"), "Đã ban hành"));
    String number = browser.findElement(By.cssSelector("h1 span")).getText();
    assertThat(number).matches("\\d+/QĐ-UBND");
    Browsers.screenshot(browser, "decision-issued.png");
    browser.findElement(By.cssSelector("form[action$='/publish'] button")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "Đã công bố"));

    browser.get(base + "/fund?year=2025");
    assertThat(browser.getPageSource()).contains(number);
    Browsers.screenshot(browser, "fund-2025.png");

    browser.findElement(By.cssSelector("form[action$='/logout'] button")).click();
    browser.manage().window().setSize(new Dimension(390, 844));
    browser.get(base + "/portal/decisions");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Quyết định khen thưởng");
    browser.findElement(By.partialLinkText(number)).click();
    assertThat(browser.findElement(By.tagName("h1")).getText()).contains(number);
    assertThat(browser.getPageSource()).contains("Trần Thị Minh Phương").contains("còn hiệu lực");
    Object fits =
        browser.executeScript(
            "return document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1;");
    assertThat(fits).as("no sideways scrolling on a phone").isEqualTo(Boolean.TRUE);
    Browsers.screenshot(browser, "decision-portal-phone.png");
  }

  /** A 2024 proposal of the unit for a new person, left where the council's ballot would. */
  private void voted(String unit, String name) {
    Access.runAsSystem(
        "browser-test",
        () -> {
          PersonView who =
              people.create(
                  People.PersonForm.of(unit, name, "Chuyên viên", PersonView.Gender.FEMALE));
          ProposalView p =
              proposals.create(
                  new Proposals.NewProposal(
                      ProposalKind.REGULAR,
                      2024,
                      "Đề nghị tặng Bằng khen năm 2024 (" + unit + ")",
                      unit,
                      "BK_UBND_CN",
                      "Hoàn thành xuất sắc nhiệm vụ năm 2024"));
          long nominee =
              proposals
                  .addNominee(
                      p.id(), new Proposals.NomineeForm(Recipient.INDIVIDUAL, who.id(), null, null))
                  .id();
          jdbc.sql("update proposal set status = 'COUNCIL_VOTED' where id = ?")
              .param(p.id())
              .update();
          jdbc.sql("update proposal_nominee set council_outcome = 'APPROVED' where id = ?")
              .param(nominee)
              .update();
        });
  }
}
