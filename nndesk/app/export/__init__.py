"""Export: the network out of nndesk, to ONNX, PyTorch or a numpy script."""
