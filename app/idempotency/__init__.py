"""Idempotency-Key on POST: a retry with the same key and body gets the first response again.

- `service.py`: the records (`IdempotencyRecord` in `app/db/models.py`): claiming a key,
  keeping the first response, sweeping what has expired.
- `dependency.py`: `IdempotencyDep`, the request's key bound to its session and caller, whose
  `respond()` runs an operation once per key: the one way a route applies it.

The key is claimed in the request's own transaction (INSERT .. ON CONFLICT DO NOTHING, then
a row lock), so a concurrent retry waits for the first attempt and then replays it; if the
first attempt fails, its claim rolls back with it and the retry runs afresh.
"""
