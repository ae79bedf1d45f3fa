package org.laurel.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The secretariat reopens a submitted cross sheet in a real browser, fills the criteria tree with
 * scores, a comment and an evidence link, saves and submits it, and sees it in the progress view.
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
class ScoringSheetBrowserTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired org.laurel.scoring.Results results;
  ChromeDriver browser;

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void fillsAndSubmitsAScoringSheet() throws Exception {
    browser = Browsers.start();
    browser.manage().window().setSize(new Dimension(1280, 1400));
    var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    String base = "http://localhost:" + port;
    Browsers.signIn(browser, wait, base, "secretariat");

    long pact =
        jdbc.sql(
                "select p.id from pact p join bloc b on b.id = p.bloc_id"
                    + " where b.code = 'KHOI-HUYEN' and b.year = 2024")
            .query(Long.class)
            .single();
    String sheet = base + "/pacts/" + pact + "/sheets/CROSS/TK/TM";
    browser.get(sheet + "?lang=en");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reopen-form")));
    browser.findElement(By.id("reason")).sendKeys("Tứ Kỳ scored the wrong criterion");
    browser.findElement(By.id("reopen-sheet")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".flash")));

    for (String c :
        new String[] {"KT.DAU_TU", "VHXH.GD_YT", "QPAN.CHUNG", "XDCQ.CCHC", "TDKT.PHONG_TRAO"}) {
      WebElement points = browser.findElement(By.id("points-" + c));
      points.clear();
      points.sendKeys("75");
    }
    WebElement comment = browser.findElement(By.name("comment[QPAN.CHUNG]"));
    comment.clear();
    comment.sendKeys("Checked against the inspection record");
    WebElement evidence = browser.findElement(By.name("evidence[QPAN.CHUNG]"));
    evidence.clear();
    evidence.sendKeys("https://tuky.haiduong.gov.vn/bien-ban-kiem-tra.pdf");
    screenshot("sheet-filled.png");
    browser.findElement(By.id("save-sheet")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("submit-sheet")));
    assertThat(browser.findElement(By.cssSelector(".flash")).getText())
        .isEqualTo("The sheet was saved as a draft.");
    browser.findElement(By.id("submit-sheet")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reopen-form")));
    assertThat(browser.findElement(By.cssSelector(".flash")).getText())
        .isEqualTo("The sheet was submitted.");
    assertThat(browser.findElement(By.id("sheet-status")).getText()).contains("Submitted");
    screenshot("sheet-submitted.png");
    assertThat(
            jdbc.sql(
                    """
                    select count(*) from sheet s join sheet_score sc on sc.sheet_id = s.id
                    join unit a on a.id = s.assessor_unit_id join unit u on u.id = s.assessed_unit_id
                    where s.pact_id = ? and a.code = 'TK' and u.code = 'TM' and s.status = 'SUBMITTED'
                      and sc.points = 75""")
                .param(pact)
                .query(Integer.class)
                .single())
        .isEqualTo(5);

    browser.get(base + "/pacts/" + pact + "/progress?lang=en");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("round-CROSS")));
    assertThat(browser.findElement(By.id("round-CROSS")).getText())
        .contains("Every sheet of this round is submitted.");
    screenshot("progress.png");
  }

  @Test
  void aCrossAssessorRecusesWithAReasonAndAnIncompletePublicationSaysWhy() throws Exception {
    browser = Browsers.start();
    browser.manage().window().setSize(new Dimension(1280, 1400));
    var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    String base = "http://localhost:" + port;
    long pact =
        jdbc.sql(
                "select p.id from pact p join bloc b on b.id = p.bloc_id"
                    + " where b.code = 'KHOI-HUYEN' and b.year = 2024")
            .query(Long.class)
            .single();
    String sheet = base + "/pacts/" + pact + "/sheets/CROSS/TK/HDG";
    // the secretariat reopens Tứ Kỳ's sheet of Hải Dương
    Browsers.signIn(browser, wait, base, "secretariat");
    browser.get(sheet + "?lang=en");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reopen-form")));
    browser.findElement(By.id("reason")).sendKeys("Tứ Kỳ declares a conflict of interest");
    browser.findElement(By.id("reopen-sheet")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".flash")));
    // published meanwhile, with the reason why one sheet is missing
    org.laurel.access.Access.runAsSystem(
        "browser-test",
        () ->
            results.publish(
                pact,
                new org.laurel.scoring.ScoringCommands.Publish(
                    "Council meeting moved; provisional ranking for the units to check")));
    long bloc =
        jdbc.sql("select bloc_id from pact where id = ?").param(pact).query(Long.class).single();
    browser.get(base + "/blocs/" + bloc + "/ranking?lang=en");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("ranking-incomplete")));
    assertThat(browser.findElement(By.id("ranking-incomplete")).getText())
        .contains("Council meeting moved");
    screenshot("ranking-incomplete.png");

    // Tứ Kỳ's reporter recuses itself
    browser.manage().deleteAllCookies();
    Browsers.signIn(browser, wait, base, "reporter");
    browser.get(sheet + "?lang=en");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("recusal")));
    for (String c :
        new String[] {"KT.DAU_TU", "VHXH.GD_YT", "QPAN.CHUNG", "XDCQ.CCHC", "TDKT.PHONG_TRAO"}) {
      browser.findElement(By.id("points-" + c)).clear();
    }
    browser.findElement(By.id("recuse")).click();
    browser
        .findElement(By.id("recusalReason"))
        .sendKeys("The chairman of Tứ Kỳ led the inspection of Hải Dương this year");
    screenshot("sheet-recusal-filled.png");
    browser.findElement(By.id("save-sheet")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("submit-sheet")));
    browser.findElement(By.id("submit-sheet")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sheet-recused")));
    assertThat(browser.findElement(By.id("sheet-status")).getText())
        .contains("Submitted")
        .contains("Recused: The chairman of Tứ Kỳ led the inspection");
    screenshot("sheet-recused.png");
    assertThat(
            jdbc.sql(
                    """
                    select s.recusal_reason from sheet s join unit a on a.id = s.assessor_unit_id
                    join unit u on u.id = s.assessed_unit_id
                    where s.pact_id = ? and a.code = 'TK' and u.code = 'HDG'
                      and s.status = 'SUBMITTED'""")
                .param(pact)
                .query(String.class)
                .single())
        .startsWith("The chairman of Tứ Kỳ");
    // every sheet is in again: the next version needs no reason and explains the recusal
    java.util.concurrent.atomic.AtomicInteger next =
        new java.util.concurrent.atomic.AtomicInteger();
    org.laurel.access.Access.runAsSystem(
        "browser-test", () -> next.set(results.publish(pact).version()));
    browser.get(base + "/pacts/" + pact + "/results/" + next.get() + "/units/HDG?lang=en");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".recused")));
    assertThat(browser.findElement(By.cssSelector(".recused")).getText())
        .isEqualTo("TK recused: The chairman of Tứ Kỳ led the inspection of Hải Dương this year");
    screenshot("explanation-recused.png");
  }

  private void screenshot(String name) throws Exception {
    Browsers.screenshot(browser, name);
  }
}
