"""The built-in extractors, each an ordinary pluggy plugin (see ``plugins.BUILTIN_PLUGINS``)."""
