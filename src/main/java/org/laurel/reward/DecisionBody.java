package org.laurel.reward;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.laurel.reward.AwardType.Decider;

/**
 * An issuing body and the template of its decisions, as data: the header lines above the number,
 * the national motto, the place of the date line, the author line ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH
 * …"), the signer's title, the default signer and legal basis, who executes it, and the deciders of
 * the award catalogue it stands for. Numbers read {@code N/suffix}.
 */
public record DecisionBody(
    String code,
    @Nullable String unitCode,
    String nameVi,
    String nameEn,
    String suffix,
    List<String> headerLines,
    List<String> mottoLines,
    String place,
    String authorLine,
    String signerTitle,
    @Nullable String defaultSigner,
    List<String> defaultLegalBasis,
    String executors,
    List<Decider> deciders) {

  public String name(java.util.Locale locale) {
    return "vi".equals(locale.getLanguage()) ? nameVi : nameEn;
  }
}
