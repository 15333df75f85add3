"""Data sets: bundled and toy sets, readers for files people bring, the MNIST download, augmentation, digit centring."""
