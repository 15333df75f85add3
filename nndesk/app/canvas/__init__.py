"""The network canvas: layers as columns, weights as edges, edited in place."""
