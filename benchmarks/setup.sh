#!/usr/bin/env bash
# Create the benchmark virtualenv (.venv-bench) next to the project and install articlekit
# plus the benchmark-only extractors. Safe to run more than once, and concurrently with
# another run: an existing venv is reused. An extractor that cannot be installed here is
# reported and skipped; the benchmark scripts then skip that tool with a printed reason.
set -u

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
venv="${ARTICLEKIT_BENCH_VENV:-$repo/.venv-bench}"
python="${PYTHON:-python3}"

if [ ! -x "$venv/bin/python" ]; then
    echo "creating $venv"
    "$python" -m venv "$venv" || { echo "cannot create $venv" >&2; exit 1; }
fi
pip=("$venv/bin/python" -m pip install --disable-pip-version-check --quiet)
"${pip[@]}" --upgrade pip setuptools wheel >/dev/null 2>&1 || true

# articlekit itself (editable) first: the benchmarks are useless without it.
"${pip[@]}" -e "$repo" || { echo "cannot install articlekit into $venv" >&2; exit 1; }

# The whole "bench" extra in one go is fastest; when one member fails to build, fall back
# to installing them one by one so that the others still land.
if "${pip[@]}" -e "$repo[bench]"; then
    echo "installed articlekit[bench]"
else
    echo "the bench extra did not install as a whole; trying each extractor alone"
    for pkg in trafilatura readability-lxml html2text markdownify justext "newspaper4k[nlp,ja]" goose3 resiliparse; do
        if "${pip[@]}" "$pkg"; then
            echo "installed $pkg"
        else
            echo "SKIPPED $pkg: it does not install here (see the pip output above)"
        fi
    done
fi
# lxml_html_clean is split out of lxml >= 5.2; readability-lxml and newspaper need it.
"${pip[@]}" lxml_html_clean >/dev/null 2>&1 || true

"$venv/bin/python" - <<'PY'
import importlib
for mod in ("articlekit", "trafilatura", "readability", "newspaper", "justext", "goose3",
            "resiliparse", "html2text", "markdownify"):
    try:
        importlib.import_module(mod)
        print(f"  ok       {mod}")
    except Exception as exc:  # report every kind of import failure, then go on
        print(f"  MISSING  {mod}: {type(exc).__name__}: {exc}")
PY
