"""Renderers: pure functions from engine results to text, one module per format."""
