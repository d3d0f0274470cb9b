"""The Risk & consent tab: risk assessments and each person's consent."""
