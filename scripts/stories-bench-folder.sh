# Sourced by scripts/bench-stories-*.sh: a temporary home for qarin's files ($dir, removed
# on exit) and the 3-9k article folder of issue 12, $dir/b6k: two outlets of the
# development corpus (6,842 articles, 16.5 MB). Needs $corpus set to its txt/ folder.
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
export XDG_CONFIG_HOME="$dir" QARIN_DATA_DIR="$dir/data"
mkdir -p "$dir/b6k"
ln -s "$corpus/elfagr" "$dir/b6k/elfagr"
ln -s "$corpus/masrawy" "$dir/b6k/masrawy"
