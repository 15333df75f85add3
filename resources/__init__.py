"""Data files shipped with nndesk (installed as the package ``nndesk.resources``)."""
