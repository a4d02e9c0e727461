"""zhichan (知产): regional intellectual-property database and analyses.

The curated public API. Subpackages state their own: ``zhichan.ids`` (identifiers),
``zhichan.reference`` (divisions, boundaries, classifications), ``zhichan.store`` (DuckDB),
``zhichan.ingest`` (region resolver, name normaliser), ``zhichan.workspace``.
"""

from zhichan.errors import InternalError, UserError, ZhichanError
from zhichan.workspace import Workspace, init_workspace, open_workspace

__version__ = "0.1.0"

__all__ = [
    "InternalError",
    "UserError",
    "Workspace",
    "ZhichanError",
    "__version__",
    "init_workspace",
    "open_workspace",
]
