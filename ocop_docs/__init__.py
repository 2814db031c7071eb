"""ocop-docs: hồ sơ và văn bản OCOP (Mỗi xã một sản phẩm).

The library mirrors the command line: every verb is a function here. Nothing in this
package imports Click except :mod:`ocop_docs.cli` (architecture §4.1).
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
