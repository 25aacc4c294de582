"""Recovery codes, diary tokens, and how both are kept.

A recovery code is :data:`CODE_WORDS` words drawn at random from a fixed list
of 2048 (``data/words.txt``, the BIP-39 English list): 11 bits a word, 88 bits
in all. It is shown once, when the diary is made, and the server keeps two
things derived from it, never the code:

- an argon2id hash (salted, slow), which proves a code right;
- a look-up key, HMAC-SHA256 of the normalised code under the server's secret
  key (``NIGHTLEGS_SECRET_KEY``), which finds the one diary to check the code
  against. Without the secret the look-up key tells nothing about the code.

A diary token (what a sign-in gives) is 32 random bytes; only its SHA-256 is
stored. docs/diary.md explains the design.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import unicodedata
from functools import cache
from importlib import resources

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

__all__ = [
    "CODE_BITS",
    "CODE_WORDS",
    "CodeHasher",
    "RecoveryCodeError",
    "generate_code",
    "lookup_key",
    "new_token",
    "normalise_code",
    "token_digest",
    "words",
]

CODE_WORDS = 8
#: Every word is one of 2048 (11 bits), drawn independently.
CODE_BITS = CODE_WORDS * 11
#: Typed words may be cut to this many letters (every word of the list is
#: identified by its first four).
PREFIX_LETTERS = 4

_LOOKUP_CONTEXT = b"nightlegs diary recovery code v1\x00"
_SEPARATORS = re.compile(r"[^a-z]+")


@cache
def words() -> tuple[str, ...]:
    """The 2048 words, in their fixed order."""
    text = (resources.files("nightlegs.diary") / "data" / "words.txt").read_text(encoding="utf-8")
    listed = tuple(line.strip() for line in text.splitlines() if line.strip())
    if len(listed) != 2048 or len(set(listed)) != 2048:
        raise RuntimeError("data/words.txt must hold 2048 different words")
    return listed


@cache
def _by_prefix() -> dict[str, str]:
    return {word[:PREFIX_LETTERS]: word for word in words()}


def generate_code() -> str:
    """A new recovery code: :data:`CODE_WORDS` words separated by single spaces."""
    listed = words()
    return " ".join(secrets.choice(listed) for _ in range(CODE_WORDS))


class RecoveryCodeError(ValueError):
    """A text that cannot be a recovery code (wrong number of words, unknown word)."""


def normalise_code(text: str) -> str:
    """The code as stored and compared: the full words, lower case, one space apart.

    Case, accents, punctuation and spacing do not matter, and each word may be
    typed as its first four letters or more.
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    typed = [part for part in _SEPARATORS.split(folded) if part]
    if len(typed) != CODE_WORDS:
        raise RecoveryCodeError(f"a recovery code has {CODE_WORDS} words; this has {len(typed)}")
    known = set(words())
    by_prefix = _by_prefix()
    full = []
    for position, word in enumerate(typed, start=1):
        if word in known:
            full.append(word)
            continue
        candidate = by_prefix.get(word[:PREFIX_LETTERS]) if len(word) >= PREFIX_LETTERS else None
        if candidate is None or not candidate.startswith(word):
            # The word itself is left out: the message is answered (and may be logged).
            raise RecoveryCodeError(f"word {position} is not one of the code words")
        full.append(candidate)
    return " ".join(full)


def lookup_key(secret: bytes, code: str) -> str:
    """The look-up key of a normalised code: HMAC-SHA256 under ``secret``, 64 hex digits."""
    return hmac.new(secret, _LOOKUP_CONTEXT + code.encode("ascii"), hashlib.sha256).hexdigest()


def new_token() -> str:
    """A new diary token: 32 random bytes, URL-safe base64 (43 characters)."""
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    """What is stored of a token: its SHA-256, 64 hex digits."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class CodeHasher:
    """argon2id hashing of normalised recovery codes.

    ``strong``: argon2-cffi's defaults, RFC 9106's low-memory profile (64 MiB,
    3 passes, 4 lanes). ``fast``: the cheapest parameters, for tests only.
    """

    def __init__(self, cost: str = "strong") -> None:
        if cost == "fast":
            self._hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1, type=Type.ID)
        elif cost == "strong":
            self._hasher = PasswordHasher(type=Type.ID)
        else:
            raise ValueError(f"unknown hashing cost {cost!r}")
        self._dummy: str | None = None

    def hash(self, code: str) -> str:
        return self._hasher.hash(code)

    def verify(self, encoded: str, code: str) -> bool:
        try:
            return self._hasher.verify(encoded, code)
        except (VerificationError, InvalidHashError):
            return False

    def needs_rehash(self, encoded: str) -> bool:
        return self._hasher.check_needs_rehash(encoded)

    def waste_time(self, code: str) -> None:
        """Verify against a hash of nothing, so an unknown code costs as long as a known one."""
        if self._dummy is None:
            self._dummy = self._hasher.hash(secrets.token_urlsafe(16))
        self.verify(self._dummy, code)
