"""Recovery codes, diary tokens, and how both are kept.

A recovery code is :data:`CODE_DIGITS` decimal digits drawn with :mod:`secrets`, shown
in :data:`GROUPS` groups of :data:`GROUP_SIZE` (``48210-93755-12883-01174-55120``):
83 bits, readable aloud and written down in any language (a Ukrainian or Russian
speaker does not have to spell English words). Diaries made before had a code of
:data:`LEGACY_WORDS` words of a fixed list of 2048 (``data/words.txt``, the BIP-39
English list, 88 bits); those codes keep working, read as before.

It is shown once, when the diary is made, and the server keeps two things derived from
it, never the code:

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
import math
import re
import secrets
import unicodedata
from functools import cache
from importlib import resources

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

__all__ = [
    "CODE_BITS",
    "CODE_DIGITS",
    "GROUPS",
    "GROUP_SIZE",
    "LEGACY_WORDS",
    "CodeHasher",
    "RecoveryCodeError",
    "generate_code",
    "groups",
    "lookup_key",
    "new_token",
    "normalise_code",
    "token_digest",
    "words",
]

CODE_DIGITS = 25
GROUP_SIZE = 5
GROUPS = CODE_DIGITS // GROUP_SIZE
#: Every digit is one of 10, drawn independently: 25 log2(10), about 83 bits.
CODE_BITS = math.floor(CODE_DIGITS * math.log2(10))
#: Codes of the diaries made before the digits: this many words of ``data/words.txt``.
LEGACY_WORDS = 8
#: Typed words may be cut to this many letters (every word of the list is
#: identified by its first four).
PREFIX_LETTERS = 4

_LOOKUP_CONTEXT = b"nightlegs diary recovery code v1\x00"
_SEPARATORS = re.compile(r"[^a-z]+")
#: Letters a digit is easily mistaken for when a code is copied out by hand, Latin and
#: Cyrillic: read as that digit in a text that is otherwise digits.
_LOOKALIKES = str.maketrans(
    "oO\u043e\u041elI\u0456\u0406",  # Latin o O, Cyrillic o O, Latin l I, Cyrillic i I
    "00001111",
)


@cache
def words() -> tuple[str, ...]:
    """The 2048 words of the older codes, in their fixed order."""
    text = (resources.files("nightlegs.diary") / "data" / "words.txt").read_text(encoding="utf-8")
    listed = tuple(line.strip() for line in text.splitlines() if line.strip())
    if len(listed) != 2048 or len(set(listed)) != 2048:
        raise RuntimeError("data/words.txt must hold 2048 different words")
    return listed


@cache
def _by_prefix() -> dict[str, str]:
    return {word[:PREFIX_LETTERS]: word for word in words()}


def generate_code() -> str:
    """A new recovery code: :data:`CODE_DIGITS` digits in groups joined by hyphens."""
    return "-".join(groups(f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"))


def groups(code: str) -> list[str]:
    """A code's groups as shown: five groups of five digits, or an older code's words."""
    compact = code.replace("-", "").replace(" ", "")
    if compact.isdigit():
        return [compact[i : i + GROUP_SIZE] for i in range(0, len(compact), GROUP_SIZE)]
    return code.split()


class RecoveryCodeError(ValueError):
    """A text that cannot be a recovery code (wrong number of digits, unknown word).

    Its message never repeats what was typed: it is answered, and may be logged.
    """


def normalise_code(text: str) -> str:
    """The code as stored and compared: its 25 digits in a row, or an older code's full
    words, lower case, one space apart.

    Spaces, hyphens and other separators do not matter, nor digits of another script
    or width, nor the letters O and l (Latin or Cyrillic) among digits. An older code's
    case and accents do not matter, and each word may be typed as its first four
    letters or more.
    """
    folded = unicodedata.normalize("NFKC", text)
    compact = "".join(
        str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in folded if ch.isalnum()
    )
    if any(ch.isdigit() for ch in compact):
        return _digits(compact)
    return _legacy_words(text)


def _digits(compact: str) -> str:
    digits = compact.translate(_LOOKALIKES)
    if not (digits.isascii() and digits.isdigit()):
        raise RecoveryCodeError(f"a recovery code has {CODE_DIGITS} digits and nothing else")
    if len(digits) != CODE_DIGITS:
        raise RecoveryCodeError(f"a recovery code has {CODE_DIGITS} digits; this has {len(digits)}")
    return digits


def _legacy_words(text: str) -> str:
    """An older code: :data:`LEGACY_WORDS` words of the list, read forgivingly."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    typed = [part for part in _SEPARATORS.split(folded) if part]
    if len(typed) != LEGACY_WORDS:
        raise RecoveryCodeError(
            f"a recovery code has {CODE_DIGITS} digits (an older one {LEGACY_WORDS} words); "
            f"this has {len(typed)} words"
        )
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
