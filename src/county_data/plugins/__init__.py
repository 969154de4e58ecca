"""The plugin API: hook specifications, the registry of loaded plugins, the built-in plugin and a test kit."""
