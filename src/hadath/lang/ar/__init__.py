"""Arabic: normalization, sentence splitting, tokenization."""
