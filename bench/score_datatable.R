#!/usr/bin/env Rscript
# Score a wide PHQ-9 CSV with data.table: the same job as `alliance score --instrument phq-9 --format csv`.
#
#     score_datatable.R IN.csv OUT.csv
#
# Input: client,session,date,q1..q9. A row is valid when all nine answers are present and each is an
# integer 0-3; then total = q1 + ... + q9, band = minimal (0-4), mild (5-9), moderate (10-14),
# moderately severe (15-19) or severe (20-27), and clinical = total >= 10. Invalid rows keep their
# client, session and date with empty total, band and clinical and valid=false.
#
# Output: client,session,date,instrument,total,band,clinical,valid (instrument "phq-9", booleans
# "true"/"false", empty cells for NA). Uses every core (setDTthreads(0)) for fread and fwrite.

suppressPackageStartupMessages(library(data.table))
setDTthreads(0L)

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 2L) {
  message("usage: score_datatable.R IN.csv OUT.csv")
  quit(status = 2L)
}

items <- paste0("q", 1:9)
bands <- c("minimal", "mild", "moderate", "moderately severe", "severe")

# client and date are passed through untouched, so they are read as text, not parsed; empty
# answers become NA. A non-numeric answer would make its column character: coerce it to NA.
dt <- fread(args[[1L]], colClasses = list(character = c("client", "date")), na.strings = "",
            showProgress = FALSE)
for (item in items) {
  if (!is.numeric(dt[[item]])) set(dt, j = item, value = suppressWarnings(as.numeric(dt[[item]])))
}

# Valid: all nine present, whole, and in 0-3 (NA & FALSE is FALSE, so a missing answer fails).
ok <- function(x) !is.na(x) & x >= 0 & x <= 3 & x == trunc(x)
is_valid <- Reduce(`&`, lapply(dt[, ..items], ok))
sums <- Reduce(`+`, dt[, ..items])
sums[!is_valid] <- NA

dt[, `:=`(
  instrument = "phq-9",
  total = as.integer(sums),
  band = bands[findInterval(sums, c(0, 5, 10, 15, 20))],  # NA total -> NA band
  clinical = fifelse(sums >= 10, "true", "false"),        # NA total -> NA clinical
  valid = fifelse(is_valid, "true", "false")
)]
dt[, (items) := NULL]

fwrite(dt, args[[2L]], na = "", showProgress = FALSE)
