"""How things look: light/dark theme, the canvas's colours, numbers and formulas typeset in the UI's language."""
