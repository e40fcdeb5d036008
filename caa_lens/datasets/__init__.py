"""Behaviour datasets: A/B and open-ended items and their files (`load`), answer choices (`choices`), what is
wrong with a file (`problems`), whole-folder checks (`checks`) and answer-wording shortcuts (`shortcuts`).
"""
