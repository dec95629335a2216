"""Start one child and report its own peak memory and CPU time (run as a script by ``bench/processes.py``).

Linux keeps a process's peak resident size across fork and exec, so a child started straight from the bench
(360 MB with 10,000 families in memory) would report at least the bench's own peak. This launcher is a small
interpreter: what its child reports above ~10 MB is the child's. It prints the wall-clock time just before the
spawn, passes stdin and stdout through, and ends with ``RUSAGE_CHILDREN`` of that one child.
"""

import resource
import subprocess
import sys
import time


def main() -> int:
    print(f"BRUGAPP_SPAWNED {time.time():.6f}", flush=True)
    code = subprocess.call(sys.argv[1:])
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"BRUGAPP_RUSAGE {usage.ru_maxrss} {usage.ru_utime + usage.ru_stime:.4f}", flush=True)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
