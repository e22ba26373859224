"""Language-specific text processing. Each language is a sibling subpackage (`ar` today)."""
