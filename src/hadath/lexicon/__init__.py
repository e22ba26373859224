"""Lexicons: validated loading of the resource files and dictionary matching."""
