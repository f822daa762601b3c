"""releases: published, versioned open data

Revision ID: 4c8e2a6f1d37
Revises: 7a1e5d3c9b20
Create Date: 2026-12-02 02:50:00

Open data is served from releases only; nothing existing changes.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql


revision: str = '4c8e2a6f1d37'
down_revision: str | None = '7a1e5d3c9b20'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'releases',
        sa.Column('year', sa.Integer(), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column(
            'published_at',
            sa.DateTime(timezone=True),
            server_default=sa.text('now()'),
            nullable=False,
        ),
        sa.Column('published_by', sa.Uuid(), nullable=True),
        sa.Column('reason', sa.Text(), nullable=True),
        sa.Column('threshold', sa.Integer(), nullable=False),
        sa.Column('content', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column('published', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column('true_rows', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column('changes', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.CheckConstraint('version >= 1', name=op.f('ck_releases_version_positive')),
        sa.ForeignKeyConstraint(
            ['published_by'], ['api_keys.id'], name=op.f('fk_releases_published_by_api_keys')
        ),
        sa.PrimaryKeyConstraint('year', 'version', name=op.f('pk_releases')),
    )


def downgrade() -> None:
    op.drop_table('releases')
