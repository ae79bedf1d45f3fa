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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The secretariat edits the frozen demo pact in a real browser: adds a criterion row (htmx), sees
 * the indicator fields appear for a linked criterion, is refused a duplicate code beside the field,
 * corrects it and saves a new version of the criteria.
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
class PactFormBrowserTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  ChromeDriver browser;

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void addsACriterionAndSavesANewVersionOfThePact() throws Exception {
    var wait = openDemoPact();
    long bloc = demoBloc();
    WebElement linked = browser.findElement(By.id("edit-criterion-0-0"));
    assertThat(linked.findElement(By.cssSelector(".indicator-fields")).isDisplayed()).isTrue();
    assertThat(
            browser
                .findElement(By.id("edit-criterion-0-2"))
                .findElement(By.cssSelector(".indicator-fields"))
                .isDisplayed())
        .isFalse();
    scrollTo(linked);
    screenshot("pact-form.png");

    WebElement add = browser.findElement(By.id("add-criterion-4"));
    scrollTo(add);
    add.click();
    By code = By.name("groups[4].criteria[3].code");
    wait.until(ExpectedConditions.presenceOfElementLocated(code));
    new Select(browser.findElement(By.name("groups[4].criteria[3].method")))
        .selectByValue("INDICATOR");
    assertThat(
            browser
                .findElement(By.id("edit-criterion-4-3"))
                .findElement(By.cssSelector(".indicator-fields"))
                .isDisplayed())
        .isTrue();
    new Select(browser.findElement(By.name("groups[4].criteria[3].method")))
        .selectByValue("PENALTY");
    browser.findElement(code).sendKeys("TDKT.TRU");
    browser.findElement(By.name("groups[4].criteria[3].name")).sendKeys("Chậm nộp báo cáo");
    browser.findElement(By.name("groups[4].criteria[3].maxPoints")).sendKeys("10");
    browser.findElement(By.id("reason")).sendKeys("Trừ điểm khi chậm nộp báo cáo");
    browser.findElement(By.id("save-pact")).click();
    wait.until(
        ExpectedConditions.attributeToBe(
            By.name("groups[4].criteria[3].code"), "aria-invalid", "true"));
    WebElement refused = browser.findElement(By.id("edit-criterion-4-3"));
    assertThat(refused.getText()).contains("The code TDKT.TRU is used twice in the pact.");
    scrollTo(refused);
    screenshot("pact-form-refused.png");

    WebElement c = browser.findElement(By.name("groups[4].criteria[3].code"));
    c.clear();
    c.sendKeys("TDKT.CHAM");
    browser.findElement(By.id("save-pact")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".flash")));
    assertThat(browser.findElement(By.cssSelector(".flash")).getText())
        .isEqualTo("Version 2 of the pact's criteria was saved.");
    assertThat(browser.findElement(By.id("definition-version")).getText()).isEqualTo("2");
    screenshot("pact-form-saved.png");
    assertThat(
            jdbc.sql(
                    "select count(*) from pact_version v join pact p on p.id = v.pact_id"
                        + " where p.bloc_id = ? and v.definition::text like '%TDKT.CHAM%'")
                .param(bloc)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  /**
   * The tie-break chain is a list of selects: the secretariat adds a step (htmx), picks a group
   * already in the chain, is refused beside that row, picks a criterion instead, moves it up, ticks
   * the normalisation (its note turns into a warning) and saves; the pact page then warns about
   * normalisation.
   */
  @Test
  void editsTheTieBreakChainAsChoicesAndIsWarnedAboutNormalisation() throws Exception {
    var wait = openDemoPact();
    long bloc = demoBloc();
    assertThat(browser.findElements(By.id("normalise-warning"))).isEmpty();
    WebElement add = browser.findElement(By.id("add-tie-break"));
    scrollTo(add);
    add.click();
    By fourth = By.name("tieBreak[3]");
    wait.until(ExpectedConditions.presenceOfElementLocated(fourth));
    new Select(browser.findElement(fourth)).selectByValue("KT");
    browser.findElement(By.id("reason")).sendKeys("Thêm bước phân định");
    browser.findElement(By.id("save-pact")).click();
    wait.until(ExpectedConditions.attributeToBe(fourth, "aria-invalid", "true"));
    WebElement row = browser.findElement(By.id("tie-break-3"));
    assertThat(row.getText()).contains("The tie-break chain names KT twice");
    scrollTo(row);
    screenshot("pact-tie-break-refused.png");

    new Select(browser.findElement(fourth)).selectByValue("XDCQ.CCHC");
    browser.findElement(By.cssSelector("#tie-break-3 button[value='up:tie:3']")).click();
    wait.until(ExpectedConditions.attributeToBe(By.name("tieBreak[2]"), "value", "XDCQ.CCHC"));
    WebElement normalise = browser.findElement(By.id("normalise1"));
    scrollTo(normalise);
    normalise.click();
    WebElement hint = browser.findElement(By.id("normalise-hint"));
    assertThat(hint.getText()).contains("One assessor's higher score can, rarely, lower");
    assertThat(hint.getCssValue("background-color")).isEqualTo("rgba(255, 244, 229, 1)");
    screenshot("pact-tie-break-moved.png");
    browser.manage().window().setSize(new Dimension(420, 1200));
    scrollTo(browser.findElement(By.id("edit-tie-break")));
    screenshot("pact-tie-break-narrow.png");
    scrollTo(browser.findElement(By.id("edit-criterion-0-1")));
    screenshot("pact-form-narrow.png");
    browser.manage().window().setSize(new Dimension(1280, 1600));

    // a band giving fewer points for a better result is refused beside its points
    By top = By.name("groups[0].criteria[1].rule.bands[3].points");
    setValue(top, "70");
    browser.findElement(By.id("save-pact")).click();
    wait.until(ExpectedConditions.attributeToBe(top, "aria-invalid", "true"));
    WebElement band = browser.findElement(top).findElement(By.xpath(".."));
    assertThat(band.getText())
        .contains("the band from 15 % gives 70 points, fewer than the 80 points");
    scrollTo(band);
    screenshot("pact-band-refused.png");
    setValue(top, "100");
    browser.findElement(By.id("save-pact")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".flash")));
    assertThat(browser.findElement(By.cssSelector(".flash")).getText()).contains("was saved");
    WebElement warning = browser.findElement(By.id("normalise-warning"));
    assertThat(warning.getText())
        .contains("raw and normalised results are shown side by side")
        .contains("because it moves that assessor's mean and spread");
    screenshot("pact-normalise-warning.png");
    assertThat(
            jdbc.sql("select definition -> 'tieBreak' ->> 2 from pact p where p.bloc_id = ?")
                .param(bloc)
                .query(String.class)
                .single())
        .isEqualTo("XDCQ.CCHC");
    browser.get("http://localhost:" + port + "/blocs/" + bloc + "/pact?lang=vi");
    assertThat(browser.findElement(By.id("normalise-warning")).getText())
        .contains("kết quả thô và kết quả đã chuẩn hoá được hiển thị song song");
    scrollTo(browser.findElement(By.id("edit-tie-break")));
    screenshot("pact-tie-break-vi.png");
  }

  private void setValue(By field, String value) {
    WebElement e = browser.findElement(field);
    scrollTo(e);
    e.clear();
    e.sendKeys(value);
  }

  long demoBloc() {
    return jdbc.sql("select id from bloc where code = 'KHOI-HUYEN' and year = 2024")
        .query(Long.class)
        .single();
  }

  /** Signs the secretariat in and opens the demo pact's page (in English) with its form. */
  WebDriverWait openDemoPact() throws Exception {
    browser = Browsers.start();
    browser.manage().window().setSize(new Dimension(1280, 1600));
    // htmx swaps the whole form: an element found may be replaced before it is read
    var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    String base = "http://localhost:" + port;
    Browsers.signIn(browser, wait, base, "secretariat");
    browser.get(base + "/blocs/" + demoBloc() + "/pact?lang=en");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pact-form")));
    return wait;
  }

  private void scrollTo(WebElement e) {
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", e);
  }

  private void screenshot(String name) throws Exception {
    Browsers.screenshot(browser, name);
  }
}
