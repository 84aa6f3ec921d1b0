"""Download records from public services into a data repository (``secretariat-rules pull``).

:mod:`.client` is the polite HTTP client (rate limit, retries, one clear error),
:mod:`.state` the resumable state and atomic page writes, :mod:`.einnsyn` the eInnsyn
public journal download the ``einnsyn`` source adapter reads.
"""
