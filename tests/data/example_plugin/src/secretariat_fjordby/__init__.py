"""secretariat-rules plugin for Fjordbypakken (an example of a third-party plugin)."""

__version__ = "0.3.0"
