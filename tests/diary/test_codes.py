"""Recovery codes, look-up keys, tokens and their hashing."""

from __future__ import annotations

import hashlib
import math
from importlib import resources

import pytest
from argon2 import PasswordHasher

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
    assert codes.CODE_BITS == codes.CODE_WORDS * math.log2(len(codes.words())) == 88
    assert codes.CODE_BITS >= 80


def test_generated_codes_are_words_of_the_list():
    generated = {codes.generate_code() for _ in range(200)}
    assert len(generated) == 200
    known = set(codes.words())
    for code in generated:
        parts = code.split(" ")
        assert len(parts) == 8
        assert set(parts) <= known
        assert codes.normalise_code(code) == code


@pytest.mark.parametrize(
    "typed",
    [
        "ABANDON ability able about above absent absorb abstract",
        "  abandon-ability, able.about\nabove  absent absorb abstract ",
        "aban abil able abou abov abse abso abst",
        "abando abili able about above absen absorb abstrac",
    ],
)
def test_codes_are_read_forgivingly(typed):
    expected = "abandon ability able about above absent absorb abstract"
    assert codes.normalise_code(typed) == expected


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("abandon ability able", "has 8 words; this has 3"),
        ("abandon " * 9, "has 8 words; this has 9"),
        ("abandon ability able about above absent absorb zzzz", "word 8"),
        ("abandon ability able about above absent absorb abx", "word 8"),
        ("abandon ability able about above absent absorb abandonx", "word 8"),
        ("", "this has 0"),
    ],
)
def test_malformed_codes_are_refused(typed, message):
    with pytest.raises(codes.RecoveryCodeError, match=message):
        codes.normalise_code(typed)


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
