"""Network analysis of the actor graph with networkx: summaries, centrality, communities and
the cooperation/conflict balance between states.

>>> from kg.analysis import summarize, build_network
>>> summarize(build_network("examples/sample-graph.trig"))["actors"]
8
"""
from .balance import state_balance
from .centrality import central_actors
from .communities import communities
from .network import build_network, filter_network
from .summary import analyze, summarize

__all__ = ["summarize", "analyze", "build_network", "filter_network", "central_actors",
           "communities", "state_balance"]
