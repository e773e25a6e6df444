"""The public shape of each indicator (docs/contract.md): `pathway indicators --json` and
GET /api/v1/indicators give the same rows."""

from __future__ import annotations

from pathway.catalogue import load_catalogue


def indicator_rows(catalogue=None) -> list[dict]:
    """The public shape of each indicator (docs/contract.md)."""
    catalogue = catalogue or load_catalogue()
    rows = []
    for ind in catalogue.indicators:
        band = catalogue.band(ind.age_band) if ind.age_band else None
        rows.append(
            {
                "id": ind.id,
                "text": ind.text,
                "level": ind.level.value,
                "domain": ind.domain,
                "dimension": ind.dimension,
                "source": ind.source.cite(),
                "immediate": ind.immediate,
                "age_band": band.label if band else None,
                "hint": ind.hint,
                "same_words_as": ind.same_words_as,
                "keywords": ind.keywords,
            }
        )
    return rows
