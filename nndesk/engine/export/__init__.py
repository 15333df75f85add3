"""Export a trained network to the standard tools: ONNX, PyTorch (with torchrun) and a numpy script."""
