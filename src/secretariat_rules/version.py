"""The version of secretariat-rules: a leaf module (it imports nothing)."""

__version__ = "0.1.0"

__all__ = ["__version__"]
