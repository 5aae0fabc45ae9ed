"""Build doseconv's compact population files from the raw published files.

Usage: ``python scripts/build_population.py [RAW_DIR] [OUT_DIR]`` (defaults: ``../shared/data/population``
beside the checkout, and ``doseconv/data/population``). Rerunnable: the same raw files give byte-identical output.
Each raw file's SHA-256 is checked against the list below (copied from the raw folder's README); a mismatch stops
the build. Reading the places table (an .xlsx) needs openpyxl (``pip install -e ".[build]"``).

Output (all UTF-8, ``\\n`` line ends, sorted):

- ``states.csv``: the nation (US), 50 states, DC and Puerto Rico, July 1 estimates 2010-2024;
- ``counties.csv``: every county and county equivalent, July 1, 2020;
- ``places.csv``: incorporated places (cities, towns, villages, boroughs …), July 1 estimates 2010-2022;
- ``world.csv``: the World Bank's countries and the world, 1960-2024;
- ``regions.csv``: the World Bank's regional, income and lending aggregates ("North America", "European Union"),
  1960-2024, kept apart from the countries so that no aggregate is read as a country;
- ``sources.toml``: publisher, table, file, vintage, years and retrieval note of every figure above.
"""

from __future__ import annotations

import csv
import hashlib
import io
import math
import re
import sys
from itertools import permutations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RAW_DEFAULT = ROOT.parent / "shared" / "data" / "population"
OUT_DEFAULT = ROOT / "doseconv" / "data" / "population"

RAW_SHA256 = {
    "NST-EST2024-ALLDATA.csv": "3535189b632dcf3f4448c2b4861d1cbc9e786fd1d8fd791989d55ac7da7ff778",
    "co-est2024-county-2020.csv": "4813ccf12bb346c21adfdc142263f4342b16577ddce251edd11cfb7955d4d328",
    "nst-est2019-alldata.csv": "53958c4fbb7f83eced984810c0e1e5352ceda5ff01ff7e828ccd501f17768cf0",
    "sub-est2019-places.csv": "7f07ef8921bb15eb347b4065ae4af4a3e04a02f769ab41b860087458374d9329",
    "world-bank-population.csv": "7d2dd6a17f5ed7916de1f89a9c116791e64d207f2e2f6ce47c57e1ab46f0088a",
    "SUB-IP-EST2022-POP.xlsx": "1649fafd40ff17125a4dec85c947756be42f3ac7d7a283fbde2a3e31c3fc3bb2",
}

STATE_CODES = {
    "01": "AL", "02": "AK", "04": "AZ", "05": "AR", "06": "CA", "08": "CO", "09": "CT", "10": "DE", "11": "DC",
    "12": "FL", "13": "GA", "15": "HI", "16": "ID", "17": "IL", "18": "IN", "19": "IA", "20": "KS", "21": "KY",
    "22": "LA", "23": "ME", "24": "MD", "25": "MA", "26": "MI", "27": "MN", "28": "MS", "29": "MO", "30": "MT",
    "31": "NE", "32": "NV", "33": "NH", "34": "NJ", "35": "NM", "36": "NY", "37": "NC", "38": "ND", "39": "OH",
    "40": "OK", "41": "OR", "42": "PA", "44": "RI", "45": "SC", "46": "SD", "47": "TN", "48": "TX", "49": "UT",
    "50": "VT", "51": "VA", "53": "WA", "54": "WV", "55": "WI", "56": "WY", "72": "PR",
}  # fmt: skip

# World Bank regional, income and lending groups (not countries); WLD (the world) is kept.
WB_AGGREGATES = set(
    [
        "AFE",
        "AFW",
        "ARB",
        "CEB",
        "CSS",
        "EAP",
        "EAR",
        "EAS",
        "ECA",
        "ECS",
        "EMU",
        "EUU",
        "FCS",
        "HIC",
        "HPC",
        "IBD",
        "IBT",
        "IDA",
        "IDB",
        "IDX",
        "INX",
        "LAC",
        "LCN",
        "LDC",
        "LIC",
        "LMC",
        "LMY",
        "LTE",
        "MEA",
        "MIC",
        "MNA",
        "NAC",
        "OED",
        "OSS",
        "PRE",
        "PSS",
        "PST",
        "SAS",
        "SSA",
        "SSF",
        "SST",
        "TEA",
        "TEC",
        "TLA",
        "TMN",
        "TSA",
        "TSS",
        "UMC",
    ]
)

# Kinds of incorporated place as the 2022 table writes them after the name, longest first.
PLACE_TYPES = sorted(
    [
        "city", "town", "village", "borough", "municipality", "metro township", "city and borough",
        "unified government", "consolidated government", "metropolitan government", "metro government",
        "urban county", "corporation",
    ],
    key=len,
    reverse=True,
)  # fmt: skip
_TYPE_AT_END = re.compile(r"^(?P<name>.+?) (?P<type>" + "|".join(map(re.escape, PLACE_TYPES)) + r")(?: \(balance\))?$")
# The 2019 file's NAME keeps a broken remnant of the type for a few places ("Juneau and", "Magna metroship").
_OLD_REMNANT = re.compile(r" (?:and|municipality|metroship|city|town|village|borough)$")

SOURCES_TOML = """\
# Sources of doseconv's population figures. Written by scripts/build_population.py: do not edit by hand.
# Every figure in the CSV files beside this one comes from exactly one source below, chosen by file and year
# ([[figures]]). Census figures are July 1 estimates of the resident population: everyone usually living
# there, citizens or not. The raw files are kept as published; their SHA-256 is recorded here.

schema = 1
{sources}
{figures}"""

SOURCES = [
    {
        "id": "census-nst-v2024",
        "publisher": "U.S. Census Bureau, Population Estimates Program",
        "table": "Annual Estimates of the Resident Population for the United States, Regions, States, "
        "District of Columbia, and Puerto Rico: April 1, 2020 to July 1, 2024",
        "file": "NST-EST2024-ALLDATA.csv",
        "vintage": "2024",
        "url": "https://www2.census.gov/programs-surveys/popest/datasets/2020-2024/state/totals/",
        "counts": "resident population on July 1 (POPESTIMATE2020 to POPESTIMATE2024)",
    },
    {
        "id": "census-nst-v2019",
        "publisher": "U.S. Census Bureau, Population Estimates Program",
        "table": "Annual Estimates of the Resident Population for the United States, Regions, States, "
        "and Puerto Rico: April 1, 2010 to July 1, 2019",
        "file": "nst-est2019-alldata.csv",
        "vintage": "2019",
        "url": "https://www2.census.gov/programs-surveys/popest/datasets/2010-2019/national/totals/",
        "counts": "resident population on July 1 (POPESTIMATE2010 to POPESTIMATE2019); vintage 2024 supersedes "
        "it from 2020 on",
    },
    {
        "id": "census-co-v2024",
        "publisher": "U.S. Census Bureau, Population Estimates Program",
        "table": "Annual Estimates of the Resident Population for Counties: April 1, 2020 to July 1, 2024 "
        "(co-est2024-alldata; the copy used holds only POPESTIMATE2020)",
        "file": "co-est2024-county-2020.csv",
        "vintage": "2024",
        "url": "https://www2.census.gov/programs-surveys/popest/datasets/2020-2024/counties/totals/",
        "counts": "resident population on July 1, 2020; later county years are not in the data",
    },
    {
        "id": "census-sub-ip-v2022",
        "publisher": "U.S. Census Bureau, Population Division",
        "table": "Annual Estimates of the Resident Population for Incorporated Places in the United States: "
        "April 1, 2020 to July 1, 2022 (SUB-IP-EST2022-POP), released May 2023",
        "file": "SUB-IP-EST2022-POP.xlsx",
        "vintage": "2022",
        "url": "https://www2.census.gov/programs-surveys/popest/tables/2020-2022/cities/totals/",
        "counts": "resident population on July 1, 2020 to 2022, within boundaries as of January 1, 2022",
    },
    {
        "id": "census-sub-v2019",
        "publisher": "U.S. Census Bureau, Population Estimates Program",
        "table": "Annual Estimates of the Resident Population for Incorporated Places: April 1, 2010 to "
        "July 1, 2019 (sub-est2019_all; the copy used holds only SUMLEV 162 rows)",
        "file": "sub-est2019-places.csv",
        "vintage": "2019",
        "url": "https://www2.census.gov/programs-surveys/popest/datasets/2010-2019/cities/totals/",
        "counts": "resident population on July 1, 2010 to 2019; linked to the 2022 table by state and name, "
        "places sharing a name in a state by continuity of their 2019 and 2020 figures",
    },
    {
        "id": "worldbank-sp-pop-totl",
        "publisher": "World Bank, World Development Indicators",
        "table": "Population, total (SP.POP.TOTL); sources: UN World Population Prospects and national "
        "statistical offices",
        "file": "world-bank-population.csv",
        "vintage": "WDI as in the raw copy (latest year 2024)",
        "url": "https://data.worldbank.org/indicator/SP.POP.TOTL",
        "counts": "midyear population, all residents regardless of legal status or citizenship; countries and the "
        "world (WLD) in world.csv, the regional, income and lending aggregates in regions.csv",
    },
]

FIGURES = [
    ("states.csv", 2010, 2019, "census-nst-v2019"),
    ("states.csv", 2020, 2024, "census-nst-v2024"),
    ("counties.csv", 2020, 2020, "census-co-v2024"),
    ("places.csv", 2010, 2019, "census-sub-v2019"),
    ("places.csv", 2020, 2022, "census-sub-ip-v2022"),
    ("world.csv", 1960, 2024, "worldbank-sp-pop-totl"),
    ("regions.csv", 1960, 2024, "worldbank-sp-pop-totl"),
]


def check_raw(raw: Path) -> None:
    """Refuse to build from raw files that are missing or differ from the published ones."""
    for name, expected in RAW_SHA256.items():
        path = raw / name
        if not path.is_file():
            raise SystemExit(f"build_population: {path} is missing")
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest != expected:
            raise SystemExit(f"build_population: {name} has sha256 {digest}, expected {expected}; refusing to build")


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _csv_text(header: list[str], rows: list[list[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def build_states(raw: Path) -> str:
    old = {r["STATE"]: r for r in _rows(raw / "nst-est2019-alldata.csv") if r["SUMLEV"] in ("010", "040")}
    new = {r["STATE"]: r for r in _rows(raw / "NST-EST2024-ALLDATA.csv") if r["SUMLEV"] in ("010", "040")}
    if set(old) != set(new) or len(new) != 53:
        raise SystemExit("build_population: the two state files do not list the same 52 areas and the nation")
    rows = []
    for fips in sorted(new):
        code = "US" if fips == "00" else STATE_CODES[fips]
        values = [old[fips][f"POPESTIMATE{y}"] for y in range(2010, 2020)]
        values += [new[fips][f"POPESTIMATE{y}"] for y in range(2020, 2025)]
        rows.append([code, fips, new[fips]["NAME"], *map(int, values)])
    return _csv_text(["code", "fips", "name", *map(str, range(2010, 2025))], rows)


# The raw county copy carries a replacement character where the publisher's file has "ñ".
NAME_REPAIRS = {"Do\ufffda Ana County": "Doña Ana County"}


def _repaired(name: str) -> str:
    name = NAME_REPAIRS.get(name, name)
    if "\ufffd" in name:
        raise SystemExit(f"build_population: {name!r} has a broken character; add its repair to NAME_REPAIRS")
    return name


def build_counties(raw: Path) -> str:
    rows = [
        [STATE_CODES[r["STATE"]], r["STATE"] + r["COUNTY"], _repaired(r["CTYNAME"]), int(r["POPESTIMATE2020"])]
        for r in _rows(raw / "co-est2024-county-2020.csv")
        if r["COUNTY"] != "000"
    ]
    rows.sort(key=lambda row: row[1])
    return _csv_text(["state", "fips", "name", "2020"], rows)


def _split_place(text: str) -> tuple[str, str, str]:
    """'Pewaukee city, Wisconsin' -> ('Pewaukee', 'city', 'Wisconsin'); a name without a type keeps type ''."""
    place, state = text.rsplit(", ", 1)
    match = _TYPE_AT_END.match(place)
    if match is None:
        return place, "", state
    return match["name"], match["type"], state


NewPlace = tuple[str, str, str, list[int]]  # state name, place name, type, July 1 2020-2022


def _new_places(raw: Path) -> list[NewPlace]:
    import openpyxl  # a build-time dependency only

    book = openpyxl.load_workbook(raw / "SUB-IP-EST2022-POP.xlsx", read_only=True)
    out = []
    for row in book.active.iter_rows(values_only=True):
        label, *numbers = row[:5]
        if not isinstance(label, str) or ", " not in label or not all(isinstance(n, int) for n in numbers):
            continue  # title block, column heads and notes
        name, kind, state = _split_place(label)
        out.append((state, name, kind, [int(n) for n in numbers[1:]]))  # July 1, 2020 to 2022
    return out


def _link(
    old: list[dict[str, str]], new: list[int], new_rows: list[NewPlace]
) -> list[tuple[dict[str, str] | None, int | None]]:
    """Pair 2019-file rows with 2022-table rows of one (state, name) by continuity of the 2019 and 2020 figures."""

    def gap(o: dict[str, str], n: int) -> float:
        return abs(math.log((int(o["POPESTIMATE2019"]) + 1) / (new_rows[n][3][0] + 1)))

    if old and len(old) == len(new):
        best = min(permutations(new), key=lambda p: sum(gap(o, n) for o, n in zip(old, p, strict=True)))
        return list(zip(old, best, strict=True))
    return [(o, None) for o in old] + [(None, n) for n in new]


def _key(name: str) -> str:
    return _OLD_REMNANT.sub("", name).casefold()


def build_places(raw: Path) -> tuple[str, dict[str, int]]:
    names = {name: code for code, name in _state_names(raw).items()}
    new_rows = _new_places(raw)
    old_rows = [r for r in _rows(raw / "sub-est2019-places.csv") if r["SUMLEV"] == "162"]
    groups: dict[tuple[str, str], tuple[list[dict[str, str]], list[int]]] = {}
    for row in old_rows:
        groups.setdefault((row["STNAME"], row["NAME"].casefold()), ([], []))[0].append(row)
    for index, (state, name, _kind, _values) in enumerate(new_rows):
        key = (state, name.casefold())
        if key not in groups:
            key = next((k for k in groups if k[0] == state and _key(k[1]) == key[1] and not groups[k][1]), key)
        groups.setdefault(key, ([], []))[1].append(index)
    rows, stats = [], {"linked": 0, "2010-2019 only": 0, "2020-2022 only": 0}
    for (state, _), (old, new) in groups.items():
        for o, n in _link(old, new, new_rows):
            if o is not None and n is not None:
                stats["linked"] += 1
            elif o is not None:
                stats["2010-2019 only"] += 1
            else:
                stats["2020-2022 only"] += 1
            name, kind = (new_rows[n][1], new_rows[n][2]) if n is not None else (_OLD_REMNANT.sub("", o["NAME"]), "")
            early: list[object] = [int(o[f"POPESTIMATE{y}"]) for y in range(2010, 2020)] if o else [""] * 10
            late: list[object] = list(new_rows[n][3]) if n is not None else [""] * 3
            code = f"{int(o['STATE']):02d}{int(o['PLACE']):05d}" if o else ""
            rows.append([names[state], name, kind, code, *early, *late])
    rows.sort(key=lambda r: (r[0], str(r[1]).casefold(), r[2], r[3]))
    return _csv_text(["state", "name", "type", "fips", *map(str, range(2010, 2023))], rows), stats


def _state_names(raw: Path) -> dict[str, str]:
    return {STATE_CODES[r["STATE"]]: r["NAME"] for r in _rows(raw / "NST-EST2024-ALLDATA.csv") if r["SUMLEV"] == "040"}


def build_world(raw: Path, aggregates: bool = False) -> str:
    """Countries and the world; with ``aggregates``, the World Bank's aggregates instead."""
    table: dict[tuple[str, str], dict[int, int]] = {}
    for row in _rows(raw / "world-bank-population.csv"):
        if (row["Country Code"] in WB_AGGREGATES) != aggregates or not row["Value"]:
            continue
        table.setdefault((row["Country Code"], row["Country Name"]), {})[int(row["Year"])] = int(float(row["Value"]))
    years = range(1960, 2025)
    rows = [[code, name, *(values.get(y, "") for y in years)] for (code, name), values in sorted(table.items())]
    return _csv_text(["code", "name", *map(str, years)], rows)


def _toml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def build_sources() -> str:
    blocks = []
    for source in SOURCES:
        lines = ["[[sources]]"]
        lines += [f"{key} = {_toml_string(value)}" for key, value in source.items()]
        lines.append(f"raw_sha256 = {_toml_string(RAW_SHA256[source['file']])}")
        lines.append(
            'retrieved = "raw file as published, kept in the shared population data folder; checked by sha256"'
        )
        blocks.append("\n".join(lines) + "\n")
    figures = [
        f'[[figures]]\nfile = "{file}"\nfirst_year = {first}\nlast_year = {last}\nsource = "{source}"\n'
        for file, first, last, source in FIGURES
    ]
    return SOURCES_TOML.format(sources="\n".join(blocks), figures="\n".join(figures))


def build(raw: Path, out: Path) -> dict[str, int]:
    """Check the raw files, write the compact files into ``out``; return their sizes in bytes."""
    check_raw(raw)
    places, stats = build_places(raw)
    files = {
        "states.csv": build_states(raw),
        "counties.csv": build_counties(raw),
        "places.csv": places,
        "world.csv": build_world(raw),
        "regions.csv": build_world(raw, aggregates=True),
        "sources.toml": build_sources(),
    }
    out.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (out / name).write_text(text, encoding="utf-8", newline="\n")
    print("places: " + ", ".join(f"{n} {k}" for k, n in stats.items()), file=sys.stderr)
    return {name: len(text.encode("utf-8")) for name, text in files.items()}


def main(argv: list[str]) -> None:
    raw = Path(argv[0]) if argv else RAW_DEFAULT
    out = Path(argv[1]) if len(argv) > 1 else OUT_DEFAULT
    sizes = build(raw, out)
    for name, size in sizes.items():
        print(f"{name}: {size:,} bytes")
    print(f"total: {sum(sizes.values()):,} bytes")


if __name__ == "__main__":
    main(sys.argv[1:])
