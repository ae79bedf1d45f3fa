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
      "laurel.db.embedded-temporary=true"
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
    browser = Browsers.start();
    browser.manage().window().setSize(new Dimension(1280, 1600));
    var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    String base = "http://localhost:" + port;
    Browsers.signIn(browser, wait, base, "secretariat");

    long bloc =
        jdbc.sql("select id from bloc where code = 'KHOI-HUYEN' and year = 2024")
            .query(Long.class)
            .single();
    browser.get(base + "/blocs/" + bloc + "/pact?lang=en");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pact-form")));
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

  private void scrollTo(WebElement e) {
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", e);
  }

  private void screenshot(String name) throws Exception {
    Browsers.screenshot(browser, name);
  }
}
