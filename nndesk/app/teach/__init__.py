"""Teach: fine-tune the network on the training set mixed with my digits, and show before/after."""
