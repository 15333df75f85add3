"""The evaluation view: where the network is wrong (confusion matrix, per-class numbers, its mistakes)."""
