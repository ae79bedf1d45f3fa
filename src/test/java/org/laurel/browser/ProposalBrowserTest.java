package org.laurel.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A proposal from draft to the council in a real browser: Tứ Kỳ's reporter drafts it, finds the
 * nominee by name, attaches the achievement report and submits; the secretariat receives it, runs
 * the eligibility review, puts it on public notice (begun on paper three weeks ago) and marks it
 * ready for the council.
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
class ProposalBrowserTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  ChromeDriver browser;
  WebDriverWait wait;

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void takesAProposalFromDraftToReadyForTheCouncil() throws Exception {
    browser = Browsers.start();
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    String nominee =
        jdbc.sql(
                """
                select p.full_name from person p join unit u on u.id = p.unit_id
                where u.code = 'TK' and p.active order by p.id limit 1""")
            .query(String.class)
            .single();

    signIn("reporter");
    open("/rewards/proposals");
    browser.findElement(By.linkText("Lập đề nghị mới")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("proposal-form")));
    new Select(browser.findElement(By.id("kind"))).selectByValue("REGULAR");
    WebElement year = browser.findElement(By.id("year"));
    year.clear();
    year.sendKeys("2025");
    browser.findElement(By.id("title")).sendKeys("Đề nghị tặng Lao động tiên tiến năm 2025");
    new Select(browser.findElement(By.id("awardCode"))).selectByValue("LDTT");
    browser
        .findElement(By.id("achievement"))
        .sendKeys("Hoàn thành xuất sắc nhiệm vụ được giao, có sáng kiến áp dụng tại đơn vị.");
    Browsers.screenshot(browser, "proposal-1-new.png");
    submit("proposal-form");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nominee-form")));
    assertThat(browser.findElement(By.cssSelector(".flash")).getText()).contains("Đã tạo bản nháp");

    // the nominee, found by name: htmx fills the list once typing has paused
    browser.findElement(By.id("person-q")).sendKeys(nominee);
    Thread.sleep(1200);
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            d -> {
              if (!d.findElements(By.cssSelector(".htmx-request")).isEmpty()) {
                return false;
              }
              Select list = new Select(d.findElement(By.id("personId")));
              WebElement option =
                  list.getOptions().stream()
                      .filter(o -> o.getText().startsWith(nominee))
                      .findFirst()
                      .orElse(null);
              if (option == null) {
                return false;
              }
              option.click();
              return option.isSelected();
            });
    Browsers.screenshot(browser, "proposal-2a-nominee.png");
    submit("nominee-form");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("article.nominee")));

    // the achievement report
    Path pdf = Files.createTempDirectory("ho-so").resolve("bao-cao-thanh-tich.pdf");
    Files.write(pdf, "%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
    new Select(browser.findElement(By.id("role"))).selectByValue("ACHIEVEMENT_REPORT");
    browser.findElement(By.id("file")).sendKeys(pdf.toString());
    submit("file-form");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("files"), ".pdf"));
    Browsers.screenshot(browser, "proposal-2-draft.png");
    submit("submit-form");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Đã gửi"));
    assertThat(browser.findElements(By.id("nominee-form"))).isEmpty();
    String url = browser.getCurrentUrl();
    signOut();

    signIn("secretariat");
    browser.get(url);
    step("receive-form", "Đã tiếp nhận");
    step("review-form", "Đang thẩm định");
    WebElement report = browser.findElement(By.cssSelector("table.conditions"));
    assertThat(report.getText()).contains("Không bị kỷ luật");
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", report);
    Browsers.screenshot(browser, "proposal-3-review.png");
    browser
        .findElement(By.id("opinion"))
        .sendKeys("Đủ điều kiện theo báo cáo thành tích và biên bản họp xét.");
    WebElement days = browser.findElement(By.id("days"));
    days.clear();
    days.sendKeys("10");
    String start = LocalDate.now(ZoneId.of("UTC")).minusDays(21).toString();
    browser.executeScript(
        "arguments[0].value = arguments[1]", browser.findElement(By.id("startsOn")), start);
    submit("notice-form");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Đang công khai"));
    Browsers.screenshot(browser, "proposal-4-notice.png");
    step("ready-form", "Sẵn sàng trình Hội đồng");
    assertThat(browser.findElement(By.id("steps")).getText())
        .contains("reporter", "secretariat", "Sẵn sàng trình Hội đồng");
    Browsers.screenshot(browser, "proposal-5-ready.png");

    // on a phone
    browser.manage().window().setSize(new Dimension(390, 844));
    browser.navigate().refresh();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("steps")));
    Browsers.screenshot(browser, "proposal-6-phone.png");
    assertThat(
            jdbc.sql("select status from proposal where title = ?")
                .param("Đề nghị tặng Lao động tiên tiến năm 2025")
                .query(String.class)
                .single())
        .isEqualTo("READY_FOR_COUNCIL");
  }

  @Test
  void showsTheEligibilityHistoryAndRuleSetPages() throws Exception {
    browser = Browsers.start();
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    long star =
        jdbc.sql("select id from person where full_name = 'Nguyễn Thị Thanh Hương'")
            .query(Long.class)
            .list()
            .get(0);
    signIn("admin");
    open("/rewards/eligibility?award=CSTD_TINH&year=2024&person=" + star);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("result")));
    assertThat(browser.findElement(By.id("result")).getText()).contains("2022, 2023, 2024");
    browser.executeScript(
        "arguments[0].scrollIntoView({block: 'start'})", browser.findElement(By.id("result")));
    Browsers.screenshot(browser, "eligibility-one.png");
    open("/rewards/eligibility/batch?award=CSTD_CS&year=2024&unit=TK");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("quota")));
    browser.executeScript(
        "arguments[0].scrollIntoView({block: 'start'})", browser.findElement(By.id("quota")));
    Browsers.screenshot(browser, "eligibility-unit.png");
    open("/rewards/rule-sets/CSTD_TINH/edit");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rule-set-form")));
    Browsers.screenshot(browser, "rule-set-form.png");
    open("/rewards/awards?unit=TK");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("records")));
    Browsers.screenshot(browser, "award-history.png");
  }

  private void step(String form, String status) {
    submit(form);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), status));
  }

  private void submit(String form) {
    WebElement f = browser.findElement(By.id(form));
    WebElement button = f.findElement(By.cssSelector("button[type=submit]"));
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
    button.click();
    wait.until(ExpectedConditions.stalenessOf(f));
  }

  private void open(String path) {
    browser.get("http://localhost:" + port + path);
  }

  private void signIn(String user) {
    open("/login");
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys("demo");
    browser.findElement(By.cssSelector("form button[type=submit]")).click();
    wait.until(ExpectedConditions.urlToBe("http://localhost:" + port + "/"));
  }

  private void signOut() {
    browser.findElement(By.cssSelector("form[action$='/logout'] button")).click();
    wait.until(ExpectedConditions.urlContains("/login"));
  }
}
