"""Scorers behind `eventwire eval events|times|places`: one module per stage."""
