"""Model in, activations out, vectors, steering: loading and the local-model registry (`models`), prompt
formats and positions (`chat`), hook points (`hooks`), prefix KV caches and packed continuations (`kv`,
`packing`), activation collection (`collect`), `SteeringVectors` (`vectors`), multiplier units (`scale`),
scoped steering and generation (`steering`), and other tools' files (`export`).
"""
