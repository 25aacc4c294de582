"""Every word of the terminal interface exists in Ukrainian, Russian and English."""

from __future__ import annotations

import re
import string

from nightlegs.cli import texts

CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def test_every_interface_string_has_all_three_languages():
    for key, translations in texts._TEXTS.items():
        assert set(translations) == {"uk", "ru", "en"}, key
        assert all(value.strip() for value in translations.values()), key


def test_each_language_is_in_its_alphabet_with_the_same_placeholders():
    formatter = string.Formatter()
    for key, t in texts._TEXTS.items():
        fields = {lang: {f for _, f, _, _ in formatter.parse(t[lang]) if f} for lang in t}
        assert fields["uk"] == fields["ru"] == fields["en"], key
        if any(ch.isalpha() for ch in t["en"]):
            assert CYRILLIC.search(t["uk"]), key
            assert CYRILLIC.search(t["ru"]), key
            assert not CYRILLIC.search(t["en"]), key
        assert not set("ыэъё") & set(t["uk"].lower()), key
        assert not set("іїєґ") & set(t["ru"].lower()), key
