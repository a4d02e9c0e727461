"""Ingest: readers, profiles, record builders, region resolver, name normaliser."""
