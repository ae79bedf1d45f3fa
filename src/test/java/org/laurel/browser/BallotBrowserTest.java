package org.laurel.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The secretariat prepares and opens a session, a council member casts a secret ballot on a phone,
 * the secretariat closes it and reads the tally: in a real browser, with screenshots.
 */
@BrowserApp
class BallotBrowserTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  ChromeDriver browser;

  @Test
  void aMemberVotesInSecretAndTheSecretariatClosesTheBallot() throws Exception {
    browser = Browsers.start();
    signIn("secretariat");
    browser.get(url("/council/sessions"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Phiên họp Hội đồng");
    Browsers.screenshot(browser, "ballot-1-sessions.png");
    // prepare: the council, a day in its term, the proposal still ready for the council
    new Select(browser.findElement(By.id("councilId")))
        .selectByVisibleText("Hội đồng Thi đua – Khen thưởng tỉnh Hải Dương");
    setDate("heldOn", "2025-02-10");
    browser.findElement(By.id("title")).sendKeys("Phiên họp bổ sung tháng 2/2025");
    submit(By.cssSelector(".session-form button[type=submit]"));
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("Phiên họp bổ sung tháng 2/2025");
    assertThat(browser.findElements(By.cssSelector("#members tbody tr"))).hasSize(17);
    // attendance: everyone present but Tạ Thị Hương
    List<WebElement> rows = browser.findElements(By.cssSelector("#members tbody tr"));
    for (WebElement row : rows) {
      String value = row.getText().contains("Tạ Thị Hương") ? "ABSENT" : "PRESENT";
      row.findElement(By.cssSelector("input[value=" + value + "]")).click();
    }
    submit(By.id("save-attendance"));
    assertThat(browser.findElement(By.cssSelector(".flash")).getText())
        .isEqualTo("Đã lưu điểm danh.");
    submit(By.id("open-ballot"));
    assertThat(browser.findElement(By.id("session-status")).getText()).isEqualTo("Đang bỏ phiếu");
    browser.findElement(By.cssSelector("details.dossier summary")).click();
    scrollTo("details.dossier");
    Browsers.screenshot(browser, "ballot-2-session-open.png");
    String path = new java.net.URI(browser.getCurrentUrl()).getPath();
    signOut();

    // a member, on a phone
    browser.manage().window().setSize(new Dimension(390, 844));
    signIn("council");
    browser.get(url(path));
    submit(By.id("to-ballot"));
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("Phiếu bầu kín của anh/chị");
    List<WebElement> approve = browser.findElements(By.cssSelector("input[value=APPROVE]"));
    assertThat(approve).hasSize(1);
    approve.get(0).click();
    assertThat(fitsTheScreen()).as("the ballot fits a phone").isTrue();
    scrollTo("fieldset.choices");
    Browsers.screenshot(browser, "ballot-3-member-phone.png");
    submit(By.id("cast"));
    assertThat(browser.findElement(By.cssSelector(".flash")).getText())
        .isEqualTo("Đã ghi nhận phiếu của anh/chị.");
    assertThat(browser.findElement(By.cssSelector(".state-VOTED")).getText())
        .isEqualTo("Anh/chị đã bỏ phiếu");
    assertThat(browser.findElements(By.cssSelector("input[type=radio]"))).isEmpty();
    assertThat(browser.getPageSource()).doesNotContain("APPROVE");
    scrollTo(".ballot-line");
    Browsers.screenshot(browser, "ballot-4-member-voted.png");
    signOut();

    // the secretariat closes the ballot
    browser.manage().window().setSize(new Dimension(1280, 900));
    signIn("secretariat");
    browser.get(url(path));
    assertThat(browser.findElement(By.cssSelector(".tally tbody tr td:nth-child(3)")).getText())
        .isEqualTo("1");
    submit(By.id("close-ballot"));
    assertThat(browser.findElement(By.id("session-status")).getText()).isEqualTo("Đã kết thúc");
    // one approval of 17 members at the default 50 %: rejected
    assertThat(browser.findElement(By.cssSelector(".badge.outcome")).getText())
        .isEqualTo("Không đạt");
    assertThat(browser.findElement(By.id("minutes")).isDisplayed()).isTrue();
    scrollTo("table.tally");
    Browsers.screenshot(browser, "ballot-5-closed.png");
    assertThat(
            jdbc.sql(
                    "select status from council_session where title = 'Phiên họp bổ sung tháng 2/2025'")
                .query(String.class)
                .single())
        .isEqualTo("CLOSED");
  }

  @AfterEach
  void quit() {
    if (browser != null) {
      browser.quit();
    }
  }

  private void signIn(String user) {
    browser.get(url("/login"));
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys("demo");
    submit(By.cssSelector("form button[type=submit]"));
  }

  private void signOut() {
    submit(By.cssSelector("form[action$='/logout'] button"));
  }

  private void scrollTo(String css) {
    browser.executeScript(
        "document.querySelector(arguments[0]).scrollIntoView({block:'center'})", css);
  }

  private void setDate(String id, String isoDate) {
    browser.executeScript(
        "document.getElementById(arguments[0]).value = arguments[1];", id, isoDate);
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private boolean fitsTheScreen() {
    Object ok =
        browser.executeScript(
            "return document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1;");
    return Boolean.TRUE.equals(ok);
  }

  /** Clicks a button that loads a new page and waits until the old one is gone. */
  private void submit(By button) {
    WebElement page = browser.findElement(By.tagName("html"));
    browser.findElement(button).click();
    new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20))
        .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
  }
}
