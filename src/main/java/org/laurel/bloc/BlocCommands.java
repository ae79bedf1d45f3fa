package org.laurel.bloc;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

public final class BlocCommands {
  private BlocCommands() {}

  public record NewBloc(
      @NotBlank @Pattern(regexp = "^[A-Z0-9][A-Z0-9_.-]{0,39}$", message = "{validation.code}")
          String code,
      @NotBlank @Size(max = 200) String name,
      @Min(2000) @Max(2100) int year,
      @Nullable @Size(max = 4000) String description,
      @NotEmpty @Size(min = 2, max = 200) List<@NotBlank String> memberCodes,
      @NotBlank String headCode,
      @NotBlank String deputyCode) {}

  public record BlocChange(
      @NotBlank @Size(max = 200) String name,
      @Nullable @Size(max = 4000) String description,
      @NotEmpty @Size(min = 2, max = 200) List<@NotBlank String> memberCodes,
      @NotBlank String headCode,
      @NotBlank String deputyCode,
      @PositiveOrZero int version) {}

  public record DescriptionChange(
      @Nullable @Size(max = 4000) String description, @PositiveOrZero int version) {}
}
