"""Briefing Reader: an offline reader for news and briefings."""

import os as _os

# The recognisers multiply small matrices, one document at a time, in one worker thread; BLAS
# threads only add contention there (measured: 38 ms single-threaded vs 99 ms with two threads
# competing for the CPU on a 482-word article). Set before numpy is first imported.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    _os.environ.setdefault(_var, "1")
