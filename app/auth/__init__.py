"""Authentication and authorisation: who is calling, and whether they may.

- `tokens.py`: how API tokens are made and kept (a SHA-256 of a 256-bit secret).
- `caller.py`: `current_caller` / `CallerDep`, the caller behind the bearer token (401 when
  there is none or it is not accepted).
- `dependencies.py`: the authorising dependencies, typed `Annotated` aliases such as
  `ReadableForbund`, `InsatsReportsForWrite` or `NationalReader`, one for each thing an
  operation needs; every operation but the public ones takes one (a test holds them to it).

The rules themselves are pure functions of the role matrix in `app/domain/access.py`; this
package only applies them to a request. Checks that depend on the body (which key a förbund
key may create, which insatser an import's rows touch) are made by the services, with the
same pure rules.

**403 or 404.** A dependency first finds what the path names, then authorises:
- nothing with that code or id is a 404 (`not-found`), for any caller;
- something that exists but is not the caller's to read (or to change) is a 403
  (`forbidden`), and so is an operation the caller's role may never do; where the path names
  no förbund or insats (keys, imports, the national summary, the whole audit trail) that is
  decided before anything is looked up, so it tells nothing about what exists;
- except where existence itself is private to the caller, and the answer is the same either
  way: a key id that a förbund key may not revoke is a 404 like a missing one; a förbund key
  creating a key that names another förbund's code or insatser gets a 403 like one naming
  missing ones.
A body is another matter: an admin's key naming a missing förbund is a 422 for that field, and
each row of an import reports what a single PUT would have answered. A list is never silently
narrowed to nothing: a caller who may read none of it gets a 403. docs/design.md (Keys and
authorisation) states the same rule.
"""
