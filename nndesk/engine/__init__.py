"""The numpy engine: networks, costs, optimizers, data and training. Never imports Qt."""
