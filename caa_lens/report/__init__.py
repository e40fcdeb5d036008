"""A run's report: its settings (`settings`), file names (`layout`), one behaviour's analyses (`run`) and
typed summary (`summary`), the tables across behaviours (`across`), and the HTML pages (`html`).
"""
