"""Agreement between raters: how far trainees agree with each other, beyond chance.

Pure functions, no web or rules: the practice summary (webapp/practice) calls them with counts.
"""

from __future__ import annotations

from typing import Optional, Sequence


def fleiss_kappa(table: Sequence[Sequence[int]]) -> Optional[float]:
    """Fleiss' kappa for N subjects rated into k categories.

    `table[i][j]` is n_ij, how many raters put subject i in category j (every row has k counts).

    With n_i = sum_j n_ij raters for subject i and n = sum_i n_i ratings in all:

        P_i   = (sum_j n_ij**2 - n_i) / (n_i * (n_i - 1))     agreement on subject i
        P_bar = (1 / N) * sum_i P_i                            mean observed agreement
        p_j   = (1 / n) * sum_i n_ij                           share of all ratings in category j
        P_e   = sum_j p_j**2                                   agreement expected by chance
        kappa = (P_bar - P_e) / (1 - P_e)

    This is Fleiss (1971) when every subject has the same number of raters; a subject with a
    different number keeps the same P_i formula (the usual generalisation), so trainees who did not
    answer every scenario can still be counted.

    Defined behaviour at the edges (never an exception for counts that are whole and not negative):
    - subjects rated by fewer than 2 raters say nothing about agreement and are left out;
    - no subject left (no answers, a single rater, an empty table): None, "cannot be computed";
    - every rating in one category (P_e = 1, so 0/0): 1.0, since the raters agreed perfectly.

    Kappa is 1 for perfect agreement, 0 for agreement no better than chance, negative below chance.
    Worked example (Fleiss 1971 / Wikipedia: 10 subjects, 14 raters, 5 categories): 0.210.
    """
    rows = [[int(c) for c in row] for row in table]
    if any(c < 0 for row in rows for c in row):
        raise ValueError("counts cannot be negative")
    if len({len(row) for row in rows}) > 1:
        raise ValueError("every subject needs a count for every category")
    rows = [row for row in rows if sum(row) >= 2]
    if not rows:
        return None
    k = len(rows[0])
    total = sum(sum(row) for row in rows)
    p_bar = sum((sum(c * c for c in row) - sum(row)) / (sum(row) * (sum(row) - 1)) for row in rows) / len(rows)
    p_e = sum((sum(row[j] for row in rows) / total) ** 2 for j in range(k))
    if p_e >= 1.0:
        return 1.0
    return (p_bar - p_e) / (1 - p_e)


def percent(part: int, whole: int) -> Optional[float]:
    """part as a percentage of whole; None when there is nothing to divide by."""
    return None if whole == 0 else 100.0 * part / whole


def kappa_label(kappa: Optional[float]) -> str:
    """Landis and Koch's (1977) words for a kappa, a rough guide rather than a verdict."""
    if kappa is None:
        return "cannot be computed: it needs at least two trainees answering the same scenario"
    if kappa < 0.0:
        return "poor (less agreement than chance)"
    bands = [(0.20, "slight"), (0.40, "fair"), (0.60, "moderate"), (0.80, "substantial")]
    return next((label for upper, label in bands if kappa <= upper), "almost perfect")
