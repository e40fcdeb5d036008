"""caa_lens: Contrastive Activation Addition on TransformerLens."""

__version__ = "0.1.0"
