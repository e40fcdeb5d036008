"""Model-free and per-token analyses of vectors and activations: cosines and PCA separation (`geometry`),
per-token detection scores (`detect`).
"""
