"""Matching employer needs to course offerings: catalogue loading, a persistent hybrid index over a store (FAISS +
BM25 in-process, or Qdrant), search, bundles, gaps."""
from .bundles import bundle, calibrate_gap_threshold, gaps
from .catalog import CatalogLoad, CatalogProblem, load_catalog
from .index import CourseIndex, IndexCorruptError, IndexVersionError, get_match_embedder
from .results import (Bundle, BundleCourse, CourseMatch, Explanation, GapReport, MatchedPair, MatchResult,
                      NeedCoverage, RequirementCover, RequirementCoverage)
from .search import MatchFilters, NeedEncoding, encode_need, match, rank_courses

__all__ = ["CatalogLoad", "CatalogProblem", "load_catalog", "CourseIndex", "IndexCorruptError", "IndexVersionError",
           "get_match_embedder", "Bundle", "BundleCourse", "CourseMatch", "Explanation", "GapReport", "MatchedPair",
           "MatchResult", "NeedCoverage", "RequirementCover", "RequirementCoverage", "MatchFilters", "NeedEncoding",
           "encode_need", "bundle", "calibrate_gap_threshold", "gaps", "match", "rank_courses"]
