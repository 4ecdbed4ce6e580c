"""Interactive offline views of the actor network: one self-contained HTML file (pyvis).

>>> from kg.views import render_html, View
>>> render_html("examples/sample-graph.trig", "/tmp/kg-view.html").suffix
'.html'
"""
from .html import View, html_document, render_html

__all__ = ["render_html", "html_document", "View"]
