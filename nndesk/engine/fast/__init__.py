"""Faster paths to the same mathematics: the BLAS thread count, one-call gemm updates, gradients kept as factors."""
