package org.alliance.core.trend;

/**
 * Jacobson and Truax's (1991) three cutoffs between the clinical and the functional population,
 * plus the R package clinicalsignificance's reading of b. {@code dir} is +1 when higher scores are
 * better.
 */
public enum ClinicalSignificanceCutoff {
  /**
   * a = M_clin + dir * 2 * SD_clin: two SDs beyond the clinical mean, in the good direction. Needs
   * no functional norms.
   */
  A,
  /**
   * b = M_func - dir * 2 * SD_func: within two SDs of the functional mean, as Jacobson and Truax
   * define it. The toolkit's b.
   */
  B,
  /**
   * b = M_func - dir * 2 * SD_clin: the R package clinicalsignificance's b, which uses the clinical
   * SD. Use it to reproduce that package's results.
   */
  B_CLINICAL_SD,
  /**
   * c = (SD_clin * M_func + SD_func * M_clin) / (SD_clin + SD_func): the point between the two
   * means weighted by their SDs; the one to prefer when functional norms exist.
   */
  C
}
