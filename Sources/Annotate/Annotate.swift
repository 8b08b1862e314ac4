// Annotate: filled by its issue.
