from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from brugapp.store.base import Base, Identified, Timestamped


class School(Identified, Timestamped, Base):
    """One school site (vestiging); sites of one school share ``name``."""

    __tablename__ = "schools"

    name: Mapped[str] = mapped_column(String(200))
    site_name: Mapped[str] = mapped_column(String(200), default="")
    net: Mapped[str] = mapped_column(String(40), default="")  # code from domain vocab
    level: Mapped[str] = mapped_column(String(40), default="")  # basis / secundair
    street: Mapped[str] = mapped_column(String(200), default="")
    postal_code: Mapped[str] = mapped_column(String(10), default="")
    municipality: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(200), default="")

    @property
    def label(self) -> str:
        return school_label(self.name, self.site_name)


def school_label(name: str, site_name: str | None) -> str:
    """A school as it is named everywhere: the site after the name when it has one (also for plain rows)."""
    return f"{name} – {site_name}" if site_name else name
