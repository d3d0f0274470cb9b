"""The Documents tab: the PDFs and attachments filed on the case."""
