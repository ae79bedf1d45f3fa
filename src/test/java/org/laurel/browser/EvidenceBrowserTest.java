package org.laurel.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.laurel.scoring.PactDefinition.Round;
import org.laurel.scoring.ScoringCommands.Reopen;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In a real browser: the secretariat reopens Tứ Kỳ's cross sheet of Thanh Miện, Tứ Kỳ's reporter
 * attaches an inspection record to a criterion and sees it listed, comments the score and submits;
 * once published, the explanation shows the comment and the file beside the score.
 */
@BrowserApp
class EvidenceBrowserTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired org.laurel.scoring.Results results;
  @Autowired org.laurel.scoring.Assessments assessments;

  static final String PACT =
      "select p.id from pact p join bloc b on b.id = p.bloc_id"
          + " where b.code = 'KHOI-HUYEN' and b.year = 2024";
  ChromeDriver browser;

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void anAssessorUploadsEvidenceOnASheetAndTheExplanationShowsIt() throws Exception {
    long pact = jdbc.sql(PACT).query(Long.class).single();
    // the secretariat reopens the submitted sheet (its page does so in ScoringSheetBrowserTest)
    org.laurel.access.Access.runAsSystem(
        "browser-test",
        () -> {
          var s = assessments.get(pact, Round.CROSS, "TK", "TM");
          assessments.reopen(
              pact, Round.CROSS, "TK", "TM", new Reopen(s.version(), "Evidence files to add"));
        });
    browser = Browsers.start();
    browser.manage().window().setSize(new Dimension(1280, 1400));
    String base = "http://localhost:" + port;
    String sheet = base + "/pacts/" + pact + "/sheets/CROSS/TK/TM";
    var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    Browsers.signIn(browser, wait, base, "reporter");
    browser.get(sheet + "?lang=en");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("evidence-file-QPAN.CHUNG")));
    Path dir = Files.createTempDirectory("laurel-evidence-upload");
    Path pdf = dir.resolve("Biên bản kiểm tra.pdf");
    Files.write(pdf, "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
    browser.findElement(By.id("evidence-file-QPAN.CHUNG")).sendKeys(pdf.toString());
    screenshot("evidence-chosen.png");
    browser.findElement(By.id("evidence-send-QPAN.CHUNG")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("evidence-QPAN.CHUNG")));
    assertThat(browser.findElement(By.cssSelector(".flash")).getText())
        .isEqualTo("Evidence attached: Biên bản kiểm tra.pdf.");
    WebElement listed = browser.findElement(By.id("evidence-QPAN.CHUNG"));
    assertThat(listed.getText()).contains("Biên bản kiểm tra.pdf");
    assertThat(listed.findElement(By.tagName("a")).getAttribute("href"))
        .contains("/pacts/" + pact + "/evidence/");
    screenshot("evidence-listed.png");

    // an executable is refused on the page, nothing listed
    Path exe = dir.resolve("setup.pdf");
    Files.write(exe, new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0});
    browser.findElement(By.id("evidence-file-QPAN.CHUNG")).sendKeys(exe.toString());
    browser.findElement(By.id("evidence-send-QPAN.CHUNG")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("evidence-error")));
    assertThat(browser.findElement(By.id("evidence-error")).getText())
        .contains("setup.pdf is not a PDF");
    assertThat(browser.findElement(By.id("evidence-QPAN.CHUNG")).getText())
        .doesNotContain("setup.pdf");
    screenshot("evidence-refused.png");

    WebElement comment = browser.findElement(By.name("comment[QPAN.CHUNG]"));
    comment.clear();
    comment.sendKeys("Checked against the inspection record");
    browser.findElement(By.id("save-sheet")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("submit-sheet")));
    browser.findElement(By.id("submit-sheet")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("sheet-status"), "Submitted"));
    // frozen: the file is still listed, no upload or delete control
    assertThat(browser.findElements(By.id("evidence-file-QPAN.CHUNG"))).isEmpty();
    assertThat(browser.findElement(By.id("evidence-QPAN.CHUNG")).getText())
        .contains("Biên bản kiểm tra.pdf")
        .doesNotContain("Delete");
    screenshot("evidence-submitted.png");

    org.laurel.access.Access.runAsSystem("browser-test", () -> results.publish(pact));
    int version =
        jdbc.sql("select max(version) from result_version where pact_id = ?")
            .param(pact)
            .query(Integer.class)
            .single();
    browser.manage().deleteAllCookies();
    Browsers.signIn(browser, wait, base, "viewer");
    browser.get(base + "/pacts/" + pact + "/results/" + version + "/units/TM?lang=en");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".score-files")));
    WebElement files = browser.findElement(By.cssSelector(".score-files"));
    assertThat(files.getText()).contains("Biên bản kiểm tra.pdf");
    assertThat(
            browser.findElements(By.cssSelector(".score-comment")).stream()
                .map(WebElement::getText)
                .toList())
        .anyMatch(t -> t.contains("Checked against the inspection record"));
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", files);
    screenshot("evidence-explanation.png");
  }

  private void screenshot(String name) throws Exception {
    Browsers.screenshot(browser, name);
  }
}
