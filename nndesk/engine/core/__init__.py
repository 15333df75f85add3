"""The lecture's mathematics: activations σ, costs C, dense layers, the network, optimizers and the training loop."""
