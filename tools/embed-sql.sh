#!/bin/sh
# Turn sql/NNN_name.sql files into a C array of migrations, in file order.
# Usage: embed-sql.sh sql/*.sql > migrations.c
set -eu
echo '/* Generated from the sql directory by tools/embed-sql.sh; do not edit. */'
echo '#include "migrations.h"'
echo 'const struct credo_migration credo_migrations[] = {'
for f in "$@"; do
	base=$(basename "$f")
	ver=$(echo "$base" | sed -n 's/^0*\([0-9][0-9]*\)_.*\.sql$/\1/p')
	[ -n "$ver" ] || { echo "embed-sql: $f is not NNN_name.sql" >&2; exit 1; }
	printf '\t{ %s, "%s",\n' "$ver" "$base"
	sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/\t  "/' -e 's/$/\\n"/' "$f"
	printf '\t},\n'
done
echo '};'
echo "const int credo_migration_count = $#;"
