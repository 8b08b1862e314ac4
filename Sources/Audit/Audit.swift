// Audit: filled by its issue.
