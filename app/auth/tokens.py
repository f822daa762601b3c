"""API tokens: how they are made and how they are kept."""

from __future__ import annotations

import hashlib
import secrets
import uuid

from app.domain.personal_numbers import contains_personal_number

TOKEN_PREFIX = "fsk_"  # makes leaked tokens recognisable to secret scanners


def new_token() -> str:
    """256 random bits, URL-safe, with the recognisable prefix."""
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    """Tokens are 256-bit random strings, so a plain SHA-256 is enough to keep them unguessable
    from a database dump; a slow password hash would only slow every request."""
    return hashlib.sha256(token.encode()).hexdigest()


def new_key_id() -> uuid.UUID:
    """A random key id that reads as no personal identity number: ids travel in paths and
    audit trails, and the gate refuses any path that holds one, so an id that happened to
    spell one (a few in ten thousand) could never be revoked."""
    while True:
        key_id = uuid.uuid4()
        if not contains_personal_number(str(key_id)):
            return key_id
