"""Demo content and benchmark catalogues: a development tool that production does not install."""
