"""Random draws shared by the generators. Every draw comes from the one seeded
random.Random of the run, so the order of the calls is part of the output."""


def weighted_index(rng, weights):
    """An index i drawn with probability weights[i] / sum(weights) from one
    rng.random(); the last index if rounding leaves part of the draw unspent."""
    x = rng.random() * sum(weights)
    for i, w in enumerate(weights):
        x -= w
        if x < 0:
            return i
    return len(weights) - 1
