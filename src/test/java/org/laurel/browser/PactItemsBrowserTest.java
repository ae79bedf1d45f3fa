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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The secretariat, in a real browser, adds a penalty for the leading unit on the pact's items page,
 * publishes a new version of the results from the ranking page and sees what moved; then withdraws
 * the item with a reason and sees it listed as withdrawn.
 */
@BrowserApp
class PactItemsBrowserTest {

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
  void addsAnItemPublishesANewVersionAndSeesWhatMoved() throws Exception {
    browser = Browsers.start();
    browser.manage().window().setSize(new Dimension(1280, 1500));
    var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    String base = "http://localhost:" + port;
    Browsers.signIn(browser, wait, base, "secretariat");
    long bloc =
        jdbc.sql("select id from bloc where code = 'KHOI-HUYEN' and year = 2024")
            .query(Long.class)
            .single();
    long pact =
        jdbc.sql("select id from pact where bloc_id = ?").param(bloc).query(Long.class).single();
    String leader =
        jdbc.sql("select unit_code from result_row where pact_id = ? and version = 1 and rank = 1")
            .param(pact)
            .query(String.class)
            .single();

    // from the ranking page to the items
    browser.get(base + "/blocs/" + bloc + "/ranking?lang=en");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("items-link"))).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("item-form")));

    // a refusal first: no reason, shown beside the field
    new Select(browser.findElement(By.id("unit"))).selectByValue(leader);
    new Select(browser.findElement(By.id("criterion"))).selectByValue("TDKT.TRU");
    browser.findElement(By.id("points")).sendKeys("20");
    browser.findElement(By.id("add-item-submit")).click();
    wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("#item-form .field-error")));
    assertThat(browser.findElement(By.cssSelector("#item-form .field-error")).getText())
        .isEqualTo("must not be empty");
    assertThat(browser.findElement(By.id("points")).getAttribute("value")).isEqualTo("20");
    scrollTo("add-item");
    screenshot("items-refused.png");

    browser
        .findElement(By.id("reason"))
        .sendKeys("Inspection found a violation (decision 12/QĐ-TTr)");
    browser.findElement(By.id("add-item-submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".flash")));
    assertThat(browser.findElement(By.cssSelector(".flash")).getText())
        .isEqualTo(
            "The item for "
                + leader
                + " (TDKT.TRU) was added; it counts from the next publication.");
    WebElement group = browser.findElement(By.cssSelector("tbody[data-unit='" + leader + "']"));
    assertThat(group.getText()).contains("Inspection found a violation").contains("−20");
    screenshot("items-added.png");

    // publish a new version from the ranking page
    browser.findElement(By.linkText("Ranking")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("publish-open"))).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("publish-results")));
    assertThat(browser.findElement(By.id("publish")).getText())
        .contains("Published versions never change");
    screenshot("publish-confirm.png");
    browser.findElement(By.id("publish-results")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("moves-link")));
    assertThat(browser.findElement(By.cssSelector(".flash")).getText())
        .isEqualTo(
            "Version 2 of the results was published; see what moved since the version before.");
    assertThat(browser.findElement(By.id("ranking-version")).getText()).startsWith("Version 2,");
    screenshot("ranking-published.png");
    browser.findElement(By.id("moves-link")).click();
    WebElement moved = browser.findElement(By.cssSelector("#moves tr[data-unit='" + leader + "']"));
    assertThat(moved.getAttribute("class")).contains("moved");
    assertThat(moved.findElement(By.cssSelector(".total-change")).getText()).startsWith("-");
    screenshot("ranking-moved.png");

    // withdraw the item: it stays listed, marked withdrawn
    browser.get(base + "/pacts/" + pact + "/items?lang=en");
    long item =
        jdbc.sql("select max(id) from adjustment where pact_id = ?")
            .param(pact)
            .query(Long.class)
            .single();
    browser.findElement(By.cssSelector("#item-" + item + " details.withdraw summary")).click();
    browser
        .findElement(By.id("withdraw-reason-" + item))
        .sendKeys("The inspection's decision was annulled");
    screenshot("items-withdraw.png");
    browser.findElement(By.id("withdraw-item-" + item)).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".flash")));
    WebElement row = browser.findElement(By.id("item-" + item));
    assertThat(row.getText())
        .contains("Withdrawn")
        .contains("by secretariat on")
        .contains("The inspection's decision was annulled");
    screenshot("items-withdrawn.png");

    // narrow screen
    browser.manage().window().setSize(new Dimension(390, 1400));
    browser.navigate().refresh();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("items")));
    screenshot("items-narrow.png");
  }

  private void scrollTo(String id) {
    browser.executeScript(
        "arguments[0].scrollIntoView({block: 'center'})", browser.findElement(By.id(id)));
  }

  private void screenshot(String name) throws Exception {
    Browsers.screenshot(browser, "items-" + name.replace("items-", ""));
  }
}
