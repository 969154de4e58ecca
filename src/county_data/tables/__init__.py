"""From checked annotations to the validated tables of a package (pandera models, rows, frames)."""
