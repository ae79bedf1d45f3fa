package org.laurel.movement;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The public portal's pages: no sign-in, phone first, only what is published. */
@Controller
class PortalPages {

  private final Portal portal;

  PortalPages(Portal portal) {
    this.portal = portal;
  }

  @GetMapping("/portal")
  String home(
      @RequestParam(required = false) @Nullable String q, Model model, HttpServletResponse res) {
    cache(res);
    model.addAttribute("q", q == null ? "" : q.trim());
    if (q != null && !q.isBlank()) {
      Portal.SearchResult r = portal.search(q);
      model.addAttribute("movements", r.movements());
      model.addAttribute("examples", r.examples());
      model.addAttribute("searching", true);
    } else {
      model.addAttribute("movements", portal.movements());
      model.addAttribute("examples", portal.examples());
      model.addAttribute("searching", false);
    }
    return "movement/portal";
  }

  @GetMapping("/portal/movements/{id}")
  String movement(@PathVariable long id, Model model, HttpServletResponse res) {
    cache(res);
    model.addAttribute("m", portal.movement(id));
    return "movement/portal-movement";
  }

  @GetMapping(value = "/portal/movements/{id}/progress.json", produces = "application/json")
  @ResponseBody
  Progress.Chart progress(@PathVariable long id, HttpServletResponse res) {
    cache(res);
    return portal.progress(id);
  }

  @GetMapping("/portal/examples/{id}")
  String example(@PathVariable long id, Model model, HttpServletResponse res) {
    cache(res);
    model.addAttribute("e", portal.example(id));
    return "movement/portal-example";
  }

  @GetMapping(value = "/portal/spread.json", produces = "application/json")
  @ResponseBody
  Progress.Chart spread(HttpServletResponse res) {
    cache(res);
    return ExamplePages.chart(portal.spread());
  }

  private static void cache(HttpServletResponse res) {
    res.setHeader("Cache-Control", "public, max-age=60");
    res.setHeader("Vary", "Accept-Language, Cookie");
  }
}
