"""Web UI and HTTP API (``newsledger serve``)."""
