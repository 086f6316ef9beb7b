"""Matching employer needs to course offerings: catalogue loading, a persistent hybrid index, search, bundles, gaps."""
from .catalog import CatalogLoad, CatalogProblem, load_catalog
from .index import CourseIndex, IndexCorruptError, IndexVersionError, get_match_embedder
from .search import (Bundle, GapReport, MatchFilters, MatchResult, bundle, calibrate_gap_threshold, gaps, match,
                     rank_courses)

__all__ = ["CatalogLoad", "CatalogProblem", "load_catalog", "CourseIndex", "IndexCorruptError", "IndexVersionError",
           "get_match_embedder", "Bundle", "GapReport", "MatchFilters", "MatchResult", "bundle",
           "calibrate_gap_threshold", "gaps", "match", "rank_courses"]
