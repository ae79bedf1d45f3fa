package org.laurel.access;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.laurel.shared.ConflictException;
import org.laurel.shared.Forms;
import org.laurel.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** User administration for the system administrator ({@code /admin/**} is theirs alone). */
@Controller
class UserPages {

  /** New user: everything; edit: username and password stay, the rest changes. */
  static class UserForm {
    @NotBlank
    @Pattern(regexp = "^[a-z0-9][a-z0-9._-]{1,39}$")
    private String username = "";

    @NotBlank
    @Size(max = 200)
    private String displayName = "";

    // checked only when creating: the edit form has no password
    @Size(min = 8, max = 200)
    private @Nullable String password;

    @NotNull private @Nullable Role role;
    @NotBlank private String unitCode = "";
    @Positive private @Nullable Long personId;
    private boolean enabled = true;
    @PositiveOrZero private int version;

    static UserForm of(Users.UserView u) {
      UserForm f = new UserForm();
      f.username = u.username();
      f.displayName = u.displayName();
      f.role = u.role();
      f.unitCode = u.unitCode();
      f.personId = u.personId();
      f.enabled = u.enabled();
      f.version = u.version();
      return f;
    }

    Users.NewUser toNew() {
      return new Users.NewUser(
          username, displayName, password == null ? "" : password, role(), unitCode, personId);
    }

    Users.UserChange toChange() {
      return new Users.UserChange(displayName, role(), unitCode, personId, enabled, version);
    }

    private Role role() {
      if (role == null) {
        throw new IllegalStateException("validated field is null");
      }
      return role;
    }

    public String getUsername() {
      return username;
    }

    public void setUsername(@Nullable String username) {
      this.username = username == null ? "" : username.trim();
    }

    public String getDisplayName() {
      return displayName;
    }

    public void setDisplayName(@Nullable String displayName) {
      this.displayName = displayName == null ? "" : displayName.trim();
    }

    public @Nullable String getPassword() {
      return password;
    }

    public void setPassword(@Nullable String password) {
      this.password = password == null || password.isEmpty() ? null : password;
    }

    public @Nullable Role getRole() {
      return role;
    }

    public void setRole(@Nullable Role role) {
      this.role = role;
    }

    public String getUnitCode() {
      return unitCode;
    }

    public void setUnitCode(@Nullable String unitCode) {
      this.unitCode = unitCode == null ? "" : unitCode.trim();
    }

    public @Nullable Long getPersonId() {
      return personId;
    }

    public void setPersonId(@Nullable Long personId) {
      this.personId = personId;
    }

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public int getVersion() {
      return version;
    }

    public void setVersion(int version) {
      this.version = version;
    }
  }

  private final Users users;
  private final MessageSource messages;

  UserPages(Users users, MessageSource messages) {
    this.users = users;
    this.messages = messages;
  }

  @GetMapping("/admin/users")
  String list(Model model) {
    model.addAttribute("users", users.list());
    return "admin/users";
  }

  @GetMapping("/admin/users/new")
  String newForm(Model model) {
    UserForm form = new UserForm();
    form.setRole(Role.VIEWER);
    return formPage(form, false, model);
  }

  @PostMapping("/admin/users/new")
  String create(
      @Valid @ModelAttribute("form") UserForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    if (form.getPassword() == null) {
      errors.rejectValue("password", "NotBlank");
    }
    if (!errors.hasErrors()) {
      try {
        Users.UserView u = users.create(form.toNew());
        redirect.addFlashAttribute("flash", msg("user.flash.created", u.username()));
        return "redirect:/admin/users";
      } catch (InvalidInputException e) {
        Forms.reject(errors, e);
      } catch (ConflictException e) {
        Forms.reject(errors, e);
      }
    }
    form.setPassword(null);
    return formPage(form, false, model);
  }

  @GetMapping("/admin/users/{username}/edit")
  String editForm(@PathVariable String username, Model model) {
    return formPage(UserForm.of(users.get(username)), true, model);
  }

  @PostMapping("/admin/users/{username}/edit")
  String update(
      @PathVariable String username,
      @Valid @ModelAttribute("form") UserForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    Users.UserView current = users.get(username);
    form.setUsername(current.username());
    form.setPassword(null);
    if (!errors.hasErrors()) {
      try {
        Users.UserView u = users.update(username, form.toChange());
        redirect.addFlashAttribute("flash", msg("user.flash.updated", u.username()));
        return "redirect:/admin/users";
      } catch (InvalidInputException e) {
        Forms.reject(errors, e);
      } catch (ConflictException e) {
        Forms.reject(errors, e);
      }
    }
    return formPage(form, true, model);
  }

  private String formPage(UserForm form, boolean editing, Model model) {
    model.addAttribute("form", form);
    model.addAttribute("editing", editing);
    model.addAttribute("roles", List.of(Role.values()));
    return "admin/user-form";
  }

  private String msg(String key, Object... args) {
    return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
  }
}
