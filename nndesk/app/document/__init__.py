"""The editable network: the single writer of the network's state, and its undo commands."""
