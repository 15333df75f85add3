"""The engine's common messages, made to happen for real, come out in Russian (and untouched in English).

Each case (tests/engine_text_cases.py) writes a bad file, asks for a bad
name or setting, or describes a data set, and lets the engine say so; the
message is checked against ``engine_texts``: if the engine's wording drifts
from the catalogue's template, the case fails here.
"""

from __future__ import annotations

import re

import pytest

from nndesk import engine_texts, language
from tests.engine_text_cases import CASES, happen


@pytest.fixture
def russian():
    assert language.speak("ru") == "ru"
    yield
    language.speak("en")


@pytest.mark.parametrize(("case", "fail", "english", "russian_text"), CASES, ids=[c[0] for c in CASES])
def test_a_common_engine_error_is_said_in_russian(russian, tmp_path, monkeypatch, case, fail, english,
                                                  russian_text):
    message = happen(fail, tmp_path, monkeypatch)
    assert english in message, f"the engine's wording changed: {message}"
    said = engine_texts.in_language(message)
    assert russian_text in said, said
    assert said != message and re.search("[а-я]{3}", said)
    if message.startswith(("/", str(tmp_path))):
        assert said.startswith(message.split(": ")[0] + ": "), "the file stays named first"


def test_every_template_of_the_catalogue_is_a_message_the_engine_really_writes(tmp_path_factory):
    used = set()
    for _, fail, _, _ in CASES:
        with pytest.MonkeyPatch.context() as patch:
            used.add(engine_texts.template_of(happen(fail, tmp_path_factory.mktemp("case"), patch)))
    assert set(engine_texts.PROBLEMS + engine_texts.WHOLE) - used == set(), "a template no case makes happen"


def test_english_and_unknown_messages_are_left_as_they_are(tmp_path):
    assert language.speak("en") == "en"
    message = f"{tmp_path}: is not an .npz archive (a zip of .npy arrays)"
    assert engine_texts.in_language(message) == message
    language.speak("ru")
    try:
        for unknown in ("x.npz: something the catalogue never heard of", "internal error (KeyError: 'a')", ""):
            assert engine_texts.in_language(unknown) == unknown
    finally:
        language.speak("en")


def test_every_translation_keeps_the_templates_values(russian):
    """A translation may reorder %1, %2… but must put every value back (the OSError's errno number aside)."""
    for template in engine_texts.PROBLEMS + engine_texts.WHOLE:
        said = language.translate(engine_texts.CONTEXT, template)
        assert said != template, f"no Russian for {template!r}"
        wanted = set(re.findall(r"%\d", template)) - ({"%1"} if template.startswith("[Errno") else set())
        assert set(re.findall(r"%\d", said)) == wanted, template
    for phrase in engine_texts.PHRASES:
        assert engine_texts.phrase(phrase) != phrase

