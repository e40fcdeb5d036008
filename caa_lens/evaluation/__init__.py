"""Measuring steering: the A/B prompt and metric (`ab`), the packed sweep engine (`sweep`), effects and the
held-out choice (`effects`), clustered standard errors (`stats`), cross-layer transfer (`transfer`), system
prompts versus CAA (`system_prompts`), multiple-choice side effects (`side_effects`), open-ended generation
(`openended`) and its judge (`judge`), and the straightforward oracles the fast paths are held to (`reference`).
"""
