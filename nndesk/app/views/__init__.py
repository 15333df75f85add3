"""Views that follow the network and its training.

The cost plot, histograms, weight gallery, inspector and decision boundary.
"""
