#!/usr/bin/env python3
"""gen_points.py N OUT.csv [SEED]: N uniform random points in England's bounding box in
British National Grid (EPSG:27700), written as CSV with easting,northing columns (metres,
1 decimal). Deterministic: the same N and SEED always give the same file. Stdlib only."""
import random
import sys

# England's extent in EPSG:27700 (Scilly to Lowestoft, Lizard to the Scottish border), metres.
XMIN, YMIN, XMAX, YMAX = 82_600.0, 5_300.0, 655_700.0, 657_600.0


def main() -> None:
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    n, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) == 4 else 20240930)
    with open(out, "w", newline="") as f:
        f.write("id,easting,northing\n")
        for i in range(1, n + 1):
            f.write(f"{i},{rng.uniform(XMIN, XMAX):.1f},{rng.uniform(YMIN, YMAX):.1f}\n")


if __name__ == "__main__":
    main()
