"""lexicons: loaded once into a frozen object; a missing file, column or role is an error naming it; the
extraction runs on whatever Lexicons it is handed (here a tiny one built from a copy of data/)."""
from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from lib import lexicons
from lib.extract.analyse import analyse
from lib.lexicons import LexiconError, load

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture
def data_copy(tmp_path):
    for sub in ("lexicons", "gazetteer"):
        shutil.copytree(DATA / sub, tmp_path / sub)
    return tmp_path


def test_default_is_loaded_once_and_frozen():
    lex = lexicons.default()
    assert lex is lexicons.default()
    with pytest.raises(dataclasses.FrozenInstanceError):
        lex.boilerplate = ()  # type: ignore[misc]
    assert "قال" in lex.speech_cues and lex.words.roles and lex.places


@pytest.mark.parametrize("path", ["lexicons/roles.txt", "lexicons/actors.tsv", "gazetteer/places.tsv",
                                  "gazetteer/stop_forms.txt", "lexicons/speech_verbs.tsv"])
def test_a_missing_file_is_an_error_naming_it(data_copy, path):
    (data_copy / path).unlink()
    with pytest.raises(LexiconError, match=Path(path).name):
        load(data_copy)


def test_a_missing_column_is_an_error_naming_it(data_copy):
    path = data_copy / "lexicons" / "speech_verbs.tsv"
    path.write_text(path.read_text(encoding="utf-8").replace("\tobject", "\tobjet", 1), encoding="utf-8")
    with pytest.raises(LexiconError, match="object"):
        load(data_copy)


def test_a_role_the_code_reads_must_have_words(data_copy):
    path = data_copy / "lexicons" / "function_words.tsv"
    kept = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.endswith("\tlocative")]
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="locative"):
        load(data_copy)


def test_the_extraction_uses_the_lexicons_it_is_handed(data_copy):
    """A speech verb removed from a copy of the lexicons is no cue for an analysis handed that copy."""
    text = "صرح المتحدث باسم الوزارة بأن المفاوضات ستستأنف الأسبوع المقبل في جنيف."
    assert analyse(text).statements
    path = data_copy / "lexicons" / "speech_verbs.tsv"
    path.write_text("\n".join(ln for ln in path.read_text(encoding="utf-8").splitlines()
                              if not ln.startswith(("صرح\t", "صرحت\t"))) + "\n", encoding="utf-8")
    assert not analyse(text, lex=load(data_copy)).statements
