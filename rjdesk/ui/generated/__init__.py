"""Compiled from forms/*.ui by forms/compile.py."""
