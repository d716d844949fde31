"""Pure rules of co-production practice. No files, no textual."""
