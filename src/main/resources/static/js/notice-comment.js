// Sends a comment on a proposal on public notice to the portal API and shows the receipt number.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("notice-comment");
  if (!form) {
    return;
  }
  const result = document.getElementById("notice-result");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(form).entries());
    for (const key of ["authorName", "authorContact"]) {
      if (!data[key]) {
        delete data[key];
      }
    }
    try {
      const response = await fetch(form.dataset.endpoint, {
        method: "POST",
        headers: { "Content-Type": "application/json", "Accept-Language": document.documentElement.lang },
        body: JSON.stringify(data),
      });
      const body = await response.json();
      if (response.ok) {
        result.textContent = form.dataset.thanks + " " + body.receipt;
        form.reset();
      } else {
        result.textContent = body.detail || form.dataset.failed;
      }
    } catch (e) {
      result.textContent = form.dataset.failed;
    }
  });
});
