"""API tokens: how they are made and how they are kept."""

from __future__ import annotations

import hashlib
import secrets

TOKEN_PREFIX = "fsk_"  # makes leaked tokens recognisable to secret scanners


def new_token() -> str:
    """256 random bits, URL-safe, with the recognisable prefix."""
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    """Tokens are 256-bit random strings, so a plain SHA-256 is enough to keep them unguessable
    from a database dump; a slow password hash would only slow every request."""
    return hashlib.sha256(token.encode()).hexdigest()
