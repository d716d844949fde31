"""Loading the reading content (tiers and sections) from Markdown files and
JSON manifests, built-in and from content packs.

Pure Python: no Textual, no data files (only the read-only content folders).
"""

from coprod_tui.reading.loader import load_catalog, manifest_path
from coprod_tui.reading.model import Catalog, ContentError, Section, Tier

__all__ = ["Catalog", "ContentError", "Section", "Tier", "load_catalog", "manifest_path"]
