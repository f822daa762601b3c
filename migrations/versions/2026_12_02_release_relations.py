"""releases: the relations each version was protected under

Revision ID: 9e4b1c7a2d58
Revises: 4c8e2a6f1d37
Create Date: 2026-12-02 05:10:00

A later version is audited against every earlier one under the relations that held then
(which insats reported which measures may change with a correction). Versions published
before this column existed keep NULL: the relations of the version being published are
assumed for them, as before.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql


revision: str = '9e4b1c7a2d58'
down_revision: str | None = '4c8e2a6f1d37'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        'releases',
        sa.Column('relations', postgresql.JSONB(astext_type=sa.Text()), nullable=True),
    )


def downgrade() -> None:
    op.drop_column('releases', 'relations')
