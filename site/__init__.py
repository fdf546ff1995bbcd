# This folder is installed as the package `studio` (see pyproject.toml): a package named `site`
# would be shadowed by Python's standard-library `site` module, which is imported at start-up.
