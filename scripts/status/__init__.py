"""Status: every school judged against every deadline as of a date, and the counts."""
