"""Attacks on published open data: what a reader can work out from everything published.

`tests.attacks.lp` models the attacker's knowledge and computes the bounds it can prove on
any hidden count, by interval propagation and by linear programming (HiGHS through scipy).
"""
