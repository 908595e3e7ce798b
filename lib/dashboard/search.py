"""Word search over statements: whole Arabic words through clitics and attested spelling variants, phrases in
quotes, results ranked (BM25) — pure functions over lists of texts, no Streamlit.

A query is words and "quoted phrases"; a statement matches when it holds every one of them (whole words, not
substrings: الموصل finds «بالموصل» and «والموصل», never «لمصلحة»; حلب never finds «الحليب»). A word matches a
text word when, after `lib.text.normalize.fold` (hamza forms, ى/ي, ة/ه, diacritics, tatweel):

- the text word is the query word, or the query word behind the proclitics و/ف then ب/ل/ك (لل for لِـال):
  «والموصل», «بالموصل», «للموصل» for الموصل;
- a query word without ال also finds the word with it (موصل finds «الموصل»); a query word with ال needs it in
  the text (الرقة never finds «برقة»);
- spelling variants count as the same word when the lexicons attest them: two forms of one actor or place that
  differ in one word whose consonants agree (ترمب/ترامب, سوريا/سورية, الأمريكي/الأميركي). No generic vowel
  dropping: it would make مقاتل find «مقتل» and المصل find «الموصل».

The index tokenises every text once (one pass over the joined texts) into an array of word ids; a query then
turns into sets of word ids looked up in the vocabulary, and the matching rows come from array operations,
so a search over 170,000 statements takes tens of milliseconds once the index is built.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from lib import lexicons
from lib.lexicons import Lexicons
from lib.text.normalize import fold
from lib.text.tokens import clitic_keys

# A word: letters and digits plus the marks that sit inside words (as lib.text.tokens reads words).
_WORD = r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640]+"
_NOT_WORD = r"[^\p{L}\p{N}\p{M}_]+"  # the gaps between words, for Arrow's RE2 (marks and tatweel sit in words)
_ROW_SEP = "\x1e"  # joins words for one fold call (no word holds it: checked)
_QUERY = re.compile(r'"([^"]*)"|«([^»]*)»|“([^”]*)”|(\S+)')
_WEAK = re.compile("[اويء]")
K1, B = 1.2, 0.75  # BM25's usual constants


def _stem_readings(word: str) -> list[tuple[bool, str]]:
    """(definite, stem) readings of a folded word behind its proclitics: وبالموصل → (False, وبالموصل),
    (False, بالموصل), (True, موصل) …; a stem keeps at least two letters after ال and three otherwise."""
    out: list[tuple[bool, str]] = []
    for form in clitic_keys(word):  # the word and its readings behind و، ف، ب، ل، ك, as the entity matcher reads them
        reading = (True, form[2:]) if form.startswith("ال") and len(form) >= 4 else (False, form)
        if reading not in out:
            out.append(reading)
    return out


def query_reading(word: str) -> tuple[bool, str]:
    """How a query word is looked up: (needs ال in the text, stem); the query word's own clitics are kept."""
    word = fold(word)
    return (True, word[2:]) if word.startswith("ال") and len(word) >= 4 else (False, word)


def consonants(word: str) -> str:
    """A folded word without the weak letters (ا و ي ء) inside it and with a final ه read as ا: the key two
    spellings must share to be variants (its first and last letters kept, so الأمريكية is not الأمريكي)."""
    if word.endswith("ه"):
        word = word[:-1] + "ا"
    return word[:1] + _WEAK.sub("", word[1:-1]) + word[-1:] if len(word) > 2 else word


class Variants:
    """Spelling variants attested by the lexicons: stems that name the same word, by union-find."""

    def __init__(self, forms: Iterable[tuple[str, ...]] = ()):
        self._parent: dict[str, str] = {}
        for group in forms:
            self.add_forms(group)

    def _find(self, stem: str) -> str:
        parent = self._parent.get(stem, stem)
        if parent == stem:
            return stem
        root = self._find(parent)
        self._parent[stem] = root
        return root

    def _union(self, a: str, b: str) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)

    def add_forms(self, forms: Iterable[str]) -> None:
        """The forms of one entity: word-aligned forms of equal length that differ in exactly one word, whose
        consonants agree, make those two words variants (never two different names of one thing)."""
        split = [fold(f).split() for f in forms if f and f.strip()]
        for i, a in enumerate(split):
            for b in split[i + 1:]:
                if len(a) != len(b):
                    continue
                diff = [(x, y) for x, y in zip(a, b) if x != y]
                if len(diff) != 1:
                    continue
                x, y = diff[0]
                (dx, sx), (dy, sy) = query_reading(x), query_reading(y)
                if dx == dy and len(sx) >= 3 and len(sy) >= 3 and consonants(sx) == consonants(sy):
                    self._union(sx, sy)

    def key(self, stem: str) -> str:
        """The stem every variant of this one shares."""
        return self._find(stem)

    def __len__(self) -> int:
        return len(self._parent)

    def signature(self) -> str:
        """Every stem and its key, as text: what a cache of keys built with these variants depends on."""
        return repr(sorted((stem, self._find(stem)) for stem in self._parent))


@dataclass
class Index:
    """Every text as word ids in one array (text after text), with the vocabulary looked up by its readings."""

    tokens: np.ndarray  # int32 word id per token
    rows: np.ndarray  # int32 text of each token
    lengths: np.ndarray  # words per text
    n_rows: int
    any_ids: dict[str, list[int]]  # variant key of a stem → ids of the words with that stem (with or without ال)
    definite_ids: dict[str, list[int]]  # the same for the words read with ال
    vocabulary: list[str]

    def word_ids(self, word: str, variants: Variants) -> np.ndarray:
        """Ids of the text words a query word matches."""
        definite, stem = query_reading(word)
        table = self.definite_ids if definite else self.any_ids
        return np.array(table.get(variants.key(stem), ()), dtype=np.int32)


def query_key(word: str, variants: Variants) -> str:
    """The search key a query word is looked up by in a key table (see lib.dashboard.queries.search_keys):
    "d" + the variant key of its stem when it needs ال in the text, "a" + it otherwise."""
    definite, stem = query_reading(word)
    return ("d" if definite else "a") + variants.key(stem)


def build_index(texts: list[str | None], variants: Variants) -> Index:
    """The index of a list of texts: split into words in Arrow (C++, without the GIL), then each distinct word
    folded (lib.text.normalize.fold) and read through its clitics once."""
    column = pa.array([t if isinstance(t, str) else "" for t in texts], type=pa.large_string())
    words = pc.split_pattern_regex(column, pattern=_NOT_WORD)
    rows = pc.list_parent_indices(words)
    flat = pc.list_flatten(words)
    keep = pc.not_equal(pc.utf8_length(flat), 0)  # the empty strings before a leading or after a trailing gap
    encoded = flat.filter(keep).dictionary_encode()
    raw_ids = encoded.indices.to_numpy(zero_copy_only=False)
    rows_np = rows.filter(keep).to_numpy(zero_copy_only=False).astype(np.int32)
    raw_words = encoded.dictionary.to_pylist()
    folded_words = fold(_ROW_SEP.join(raw_words)).split(_ROW_SEP)  # one fold call for the whole vocabulary
    if len(folded_words) != len(raw_words):  # a word held the separator: fold them one by one
        folded_words = [fold(w) for w in raw_words]
    vocab: dict[str, int] = {}
    folded_id = np.array([vocab.setdefault(w, len(vocab)) if w else -1 for w in folded_words], dtype=np.int32)
    tokens = folded_id[raw_ids] if len(raw_ids) else np.empty(0, dtype=np.int32)
    if (tokens < 0).any():  # words of marks alone (a lone tatweel) fold to nothing
        tokens, rows_np = tokens[tokens >= 0], rows_np[tokens >= 0]
    lengths = np.bincount(rows_np, minlength=len(texts)).astype(np.float32)
    any_ids: dict[str, list[int]] = {}
    definite_ids: dict[str, list[int]] = {}
    for word, wid in vocab.items():
        for definite, stem in _stem_readings(word):
            key = variants.key(stem)
            any_ids.setdefault(key, []).append(wid)
            if definite:
                definite_ids.setdefault(key, []).append(wid)
    return Index(tokens, rows_np, lengths, len(texts), any_ids, definite_ids, list(vocab))


def parse_query(query: str) -> list[list[str]]:
    """The query's terms: each a list of words (a phrase when quoted and longer than one word)."""
    terms = []
    for m in _QUERY.finditer(query or ""):
        text = next(g for g in m.groups() if g is not None)
        words = re.findall(_WORD, text)
        if words:
            terms.append(words)
    return terms


def _term_hits(index: Index, words: list[str], variants: Variants) -> np.ndarray:
    """Per row, how many times the term (a word or a phrase) occurs."""
    ids = [index.word_ids(w, variants) for w in words]
    n = len(index.tokens) - len(words) + 1
    if any(len(i) == 0 for i in ids) or n <= 0:
        return np.zeros(index.n_rows, dtype=np.int32)
    table = np.zeros(len(index.vocabulary), dtype=bool)  # word id → matches (a look-up, not a search per token)
    table[ids[0]] = True
    at = table[index.tokens[:n]]
    for k, word_ids in enumerate(ids[1:], start=1):
        table[:] = False
        table[word_ids] = True
        at &= table[index.tokens[k:k + n]] & (index.rows[k:k + n] == index.rows[:n])
    return np.bincount(index.rows[:n][at], minlength=index.n_rows).astype(np.int32)


def search(index: Index, query: str, variants: Variants) -> tuple[np.ndarray, np.ndarray]:
    """(rows holding every term of the query, a BM25 score per row: 0 where it does not match). An empty
    query matches every row with score 0."""
    terms = parse_query(query)
    if not terms:
        return np.ones(index.n_rows, dtype=bool), np.zeros(index.n_rows, dtype=np.float32)
    mask = np.ones(index.n_rows, dtype=bool)
    score = np.zeros(index.n_rows, dtype=np.float32)
    norm = length_norm(index.lengths, float(index.lengths.mean()) if index.n_rows else 1.0)
    for words in terms:
        tf = _term_hits(index, words, variants)
        mask &= tf > 0
        score += bm25(tf, int((tf > 0).sum()), index.n_rows, norm)
    return mask, np.where(mask, score, 0).astype(np.float32)


def length_norm(lengths: np.ndarray, mean_length: float) -> np.ndarray:
    """BM25's length normalisation of each text (its words against the mean of all texts)."""
    return K1 * (1 - B + B * np.asarray(lengths, dtype=np.float32) / max(mean_length, 1.0))


def bm25(tf: np.ndarray, df: int, n_rows: int, norm: np.ndarray) -> np.ndarray:
    """One term's BM25 score per text: its occurrences `tf` in each, the texts holding it (`df`) of all
    `n_rows`, and each text's `length_norm` (0 where it does not occur)."""
    idf = math.log(1 + (n_rows - df + 0.5) / (df + 0.5))
    return np.where(tf > 0, idf * tf * (K1 + 1) / (tf + norm), 0).astype(np.float32)


def word_spans(text: str, query: str, variants: Variants) -> list[tuple[int, int]]:
    """Character spans of the words of `text` that a query's words match (to highlight them), in order."""
    wanted = [query_reading(w) for words in parse_query(query) for w in words]
    if not wanted or not text:
        return []
    keys = {(d, variants.key(s)) for d, s in wanted}
    spans = []
    for m in re.finditer(_WORD, text):
        readings = _stem_readings(fold(m.group()))
        if any((False, variants.key(s)) in keys or (d and (True, variants.key(s)) in keys) for d, s in readings):
            spans.append((m.start(), m.end()))
    return spans


@lru_cache(maxsize=4)
def lexicon_variants(lex: Lexicons | None = None) -> Variants:
    """The spelling variants the lexicons attest: the forms of every actor, place and office title."""
    lex = lex or lexicons.default()
    variants = Variants()
    for table in (lex.actors, lex.places):
        for _entity, forms in table.values():
            variants.add_forms(forms)
    titles: dict[tuple[str, str, str], list[str]] = {}
    for office in lex.offices:
        titles.setdefault((office.actor_id, office.start, office.end), []).append(office.title_key)
    for forms in titles.values():
        variants.add_forms(forms)
    return variants
