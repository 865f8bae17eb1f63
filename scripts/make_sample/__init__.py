"""make_sample: the code of scripts/make-sample, which builds the sample decisions
export and its expected outputs (see that script's docstring for what it reads and
writes). Python 3 standard library only."""
