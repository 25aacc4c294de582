"""Recovery codes, look-up keys, tokens and their hashing."""

from __future__ import annotations

import hashlib
import math
import re
from importlib import resources

import pytest
from argon2 import PasswordHasher
from hypothesis import given
from hypothesis import strategies as st

from nightlegs.diary import codes
from nightlegs.settings import Settings

SECRET = b"k" * 32
BIP39_ENGLISH_SHA256 = "2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda"


def test_the_word_list_is_the_pinned_one():
    data = (resources.files("nightlegs.diary") / "data" / "words.txt").read_bytes()
    assert hashlib.sha256(data).hexdigest() == BIP39_ENGLISH_SHA256
    words = codes.words()
    assert len(words) == len(set(words)) == 2048
    assert all(w.isascii() and w.isalpha() and w.islower() and 3 <= len(w) <= 8 for w in words)
    assert len({w[:4] for w in words}) == 2048  # the first four letters identify a word


def test_a_code_has_at_least_80_bits():
    assert codes.CODE_DIGITS == codes.GROUPS * codes.GROUP_SIZE == 25
    assert codes.CODE_BITS == math.floor(25 * math.log2(10)) == 83
    assert codes.CODE_BITS >= 80


def test_generated_codes_are_five_groups_of_five_digits():
    generated = {codes.generate_code() for _ in range(300)}
    assert len(generated) == 300
    for code in generated:
        assert re.fullmatch(r"\d{5}(-\d{5}){4}", code), code
        assert codes.normalise_code(code) == code.replace("-", "")
        assert codes.groups(code) == code.split("-")
    # Every digit is used in every place (300 codes: a missing digit anywhere would be
    # a broken draw, not chance: 10 * 25 * 0.9**300 is about 1e-11).
    for place in range(25):
        assert {code.replace("-", "")[place] for code in generated} == set("0123456789")


@given(st.integers(min_value=0, max_value=10**25 - 1), st.data())
def test_a_code_is_read_however_it_is_spaced(number, data):
    digits = f"{number:025d}"
    separators = st.sampled_from([" ", "-", "  ", " - ", "\u2013", ".", "", "\t", "\n"])
    typed = "".join(d + data.draw(separators) for d in digits)
    assert codes.normalise_code(typed) == digits
    assert codes.normalise_code(f"  {typed}  ") == digits


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (
            "48210-93755-12883-01174-55120".translate(
                str.maketrans("0123456789", "".join(chr(0xFF10 + d) for d in range(10)))
            ),
            "4821093755128830117455120",
        ),
        ("48210 93755 12883 O1174 55l2O", "4821093755128830117455120"),
        ("48210 93755 12883 \u043e1174 55\u04562\u041e", "4821093755128830117455120"),
        ("\u0664\u0668210 93755 12883 01174 55120", "4821093755128830117455120"),
    ],
    ids=["full-width", "latin-lookalikes", "cyrillic-lookalikes", "arabic-indic"],
)
def test_digits_of_another_form_are_read_as_digits(typed, expected):
    assert codes.normalise_code(typed) == expected


@pytest.mark.parametrize(
    "typed",
    [
        "ABANDON ability able about above absent absorb abstract",
        "  abandon-ability, able.about\nabove  absent absorb abstract ",
        "aban abil able abou abov abse abso abst",
        "abando abili able about above absen absorb abstrac",
    ],
)
def test_older_word_codes_are_read_forgivingly(typed):
    expected = "abandon ability able about above absent absorb abstract"
    assert codes.normalise_code(typed) == expected


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("48210-93755-12883-01174", "has 25 digits; this has 20"),
        ("48210-93755-12883-01174-551200", "has 25 digits; this has 26"),
        ("48210-93755-12883-01174-5512x", "25 digits and nothing else"),
        ("abandon ability able", "8 words\\); this has 3 words"),
        ("abandon " * 9, "this has 9 words"),
        ("abandon ability able about above absent absorb zzzz", "word 8"),
        ("abandon ability able about above absent absorb abx", "word 8"),
        ("abandon ability able about above absent absorb abandonx", "word 8"),
        ("", "this has 0 words"),
    ],
)
def test_malformed_codes_are_refused(typed, message):
    with pytest.raises(codes.RecoveryCodeError, match=message) as refused:
        codes.normalise_code(typed)
    for part in typed.split():
        if len(part) > 3:
            assert part not in str(refused.value)


def test_the_lookup_key_needs_the_secret():
    code = codes.generate_code()
    key = codes.lookup_key(SECRET, code)
    assert len(key) == 64
    assert key == codes.lookup_key(SECRET, code)
    assert key != codes.lookup_key(b"j" * 32, code)
    assert key != hashlib.sha256(code.encode()).hexdigest()


def test_tokens_are_random_and_stored_as_digests():
    tokens = {codes.new_token() for _ in range(100)}
    assert len(tokens) == 100
    token = tokens.pop()
    assert len(token) == 43
    assert codes.token_digest(token) == hashlib.sha256(token.encode()).hexdigest()


def test_hashing_codes():
    hasher = codes.CodeHasher("fast")
    code = codes.generate_code()
    encoded = hasher.hash(code)
    assert encoded.startswith("$argon2id$")
    assert code not in encoded
    assert hasher.verify(encoded, code)
    assert not hasher.verify(encoded, codes.generate_code())
    assert not hasher.verify("not a hash", code)
    hasher.waste_time(code)  # never raises


def test_strong_hashing_is_rfc_9106_low_memory_and_fast_only_on_request():
    strong = codes.CodeHasher("strong")
    encoded = strong.hash("x")
    assert "$m=65536,t=3,p=4$" in encoded
    assert PasswordHasher().verify(encoded, "x")
    fast_hash = codes.CodeHasher("fast").hash("x")
    assert strong.needs_rehash(fast_hash)
    assert Settings().recovery_code_hashing == "strong"
    with pytest.raises(ValueError, match="unknown"):
        codes.CodeHasher("cheap")
