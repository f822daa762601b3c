"""insats not_applicable: the report measures that do not apply to an insats

Revision ID: 3b9d2c7e4f10
Revises: f5c4f078e9e7
Create Date: 2026-12-02 00:30:00

Existing insatser get an empty list: every measure their kind allows applies, as before.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '3b9d2c7e4f10'
down_revision: str | None = 'f5c4f078e9e7'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        'insatser',
        sa.Column(
            'not_applicable',
            sa.ARRAY(sa.String(length=64)),
            server_default='{}',
            nullable=False,
        ),
    )


def downgrade() -> None:
    op.drop_column('insatser', 'not_applicable')
