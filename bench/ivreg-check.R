# Cross-check of the toolkit's cohort statistics against R.
#
# Redoes, from the raw simulated data, what alliance-core computed:
#   1. two-stage least squares of a simulated trial (TrialIvAnalysis) against AER::ivreg,
#      with the weak-instrument F of each first stage (summary(..., diagnostics = TRUE));
#   2. the naive OLS of the same equation against lm;
#   3. the within-person lagged alliance effect (LaggedAllianceModel) against lm with
#      sandwich::vcovCL(type = "HC1") clustered by client, with and without the session trend.
# Every coefficient and standard error must agree to 1e-6; the script exits with status 1 otherwise.
#
#   apt-get install -y r-cran-aer          # brings r-cran-sandwich
#   mvn -q test -pl alliance-core -Dtest=IvregCrossCheckTest
#
# The test (alliance-core IvregCrossCheckTest) writes the data and runs this script; without R and AER it
# is skipped with a message. .ci/run installs them, so CI always runs it.

options(width = 160)
suppressPackageStartupMessages({
  library(AER)
  library(sandwich)
})

args <- commandArgs(trailingOnly = TRUE)
dir <- if (length(args) >= 1) args[1] else "/tmp/ivreg-check"
tolerance <- 1e-6
failures <- 0

read <- function(name) read.csv(file.path(dir, name), stringsAsFactors = FALSE, check.names = FALSE)

compare <- function(title, java, estimate, se) {
  r <- data.frame(term = names(estimate), r_estimate = unname(estimate), r_se = unname(se))
  both <- merge(java[, c("term", "estimate", "se")], r, by = "term", sort = FALSE)
  if (nrow(both) != nrow(java) || nrow(both) != nrow(r)) {
    cat(title, ": the terms differ:", java$term, "vs", r$term, "\n")
    failures <<- failures + 1
    return(invisible())
  }
  both$diff_estimate <- abs(both$estimate - both$r_estimate)
  both$diff_se <- abs(both$se - both$r_se)
  worst <- max(both$diff_estimate, both$diff_se)
  cat(sprintf("\n== %s: largest difference %.3g (%s)\n", title, worst, if (worst <= tolerance) "OK" else "FAIL"))
  print(format(both, digits = 10), row.names = FALSE)
  if (worst > tolerance) failures <<- failures + 1
}

# 1. The trial: outcome oriented so that improvement is positive, alliance centred before the product.
params <- read("params.csv")
centre <- as.numeric(params$value[params$key == "allianceCentre"])
trial <- read("trial.csv")
trial$y <- -trial$phq9
trial$sessions_x_alliance <- ifelse(trial$sessions == 0, 0, trial$sessions * (trial$alliance - centre))

iv <- ivreg(y ~ baseline + motivation + attachment + sessions + sessions_x_alliance |
              baseline + motivation + attachment + treated +
              treated:baseline + treated:motivation + treated:attachment,
            data = trial)
iv_summary <- summary(iv, diagnostics = TRUE)
compare("2SLS, AER::ivreg", read("java-iv.csv"), coef(iv), sqrt(diag(vcov(iv))))

weak <- iv_summary$diagnostics[grep("^Weak instruments", rownames(iv_summary$diagnostics)), , drop = FALSE]
stages <- read("java-firststage.csv")
cat("\n== First-stage F (weak instruments)\n")
for (i in seq_len(nrow(stages))) {
  r_f <- weak[i, "statistic"]
  d <- abs(stages$f[i] - r_f) / max(1, abs(r_f))
  cat(sprintf("%-22s java %.10f  R %.10f  df %d, %d  relative difference %.3g (%s)\n",
              stages$endogenous[i], stages$f[i], r_f, stages$df1[i], stages$df2[i], d,
              if (d <= tolerance) "OK" else "FAIL"))
  if (d > tolerance) failures <- failures + 1
}

ols <- lm(y ~ baseline + motivation + attachment + sessions + sessions_x_alliance, data = trial)
compare("naive OLS, lm", read("java-ols.csv"), coef(ols), sqrt(diag(vcov(ols))))

cat(sprintf("\nTrue effects: sessions %s, sessions x alliance %s\n",
            params$value[params$key == "trueSessions"], params$value[params$key == "trueSessionsXAlliance"]))

# 3. The lagged alliance effect, rebuilt from the long file of courses.
courses <- read("courses.csv")
phq <- courses[courses$measure == "phq-9", c("client", "session", "score")]
srs <- courses[courses$measure == "srs", c("client", "session", "score")]
names(phq)[3] <- "outcome_now"
names(srs)[3] <- "alliance"
following <- phq
following$session <- following$session - 1
names(following)[3] <- "outcome_next"
rows <- merge(merge(srs, phq, by = c("client", "session")), following, by = c("client", "session"))
# Oriented: PHQ-9 is lower-is-better, so both outcome columns change sign; SRS is higher-is-better.
rows$outcome_now <- -rows$outcome_now
rows$outcome_next <- -rows$outcome_next
pairs <- table(rows$client)
rows <- rows[rows$client %in% names(pairs)[pairs >= 2], ]
rows$alliance_within <- rows$alliance - ave(rows$alliance, rows$client)

lag <- lm(outcome_next ~ alliance_within + outcome_now, data = rows)
compare("lagged effect, lm + vcovCL HC1", read("java-lag.csv"), coef(lag),
        sqrt(diag(vcovCL(lag, cluster = ~client, type = "HC1"))))
lag_trend <- lm(outcome_next ~ alliance_within + outcome_now + session, data = rows)
compare("lagged effect with session trend, lm + vcovCL HC1", read("java-lag-detrended.csv"), coef(lag_trend),
        sqrt(diag(vcovCL(lag_trend, cluster = ~client, type = "HC1"))))
cat(sprintf("(%d session pairs of %d clients)\n", nrow(rows), length(unique(rows$client))))

if (failures > 0) {
  cat(sprintf("\n%d comparison(s) differ by more than %g\n", failures, tolerance))
  quit(status = 1)
}
cat(sprintf("\nAll comparisons agree to %g\n", tolerance))
