"""GoGlobal Connect: Hong Kong as a super connector for mainland enterprises going global."""

__version__ = "0.1.0"
