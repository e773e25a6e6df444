"""The strict base every catalogue entry is built on, and the citation (section and page) each carries."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Strict):
    section: str
    page: str

    def cite(self) -> str:
        return f"{self.section}, p{self.page}"
