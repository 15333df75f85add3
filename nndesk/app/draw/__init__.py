"""Draw a digit and see the network's answer."""
