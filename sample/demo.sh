#!/bin/sh
# demo.sh: ingest the bundled sample corpus (HTML pages, a WARC, an RSS and an
# Atom feed, JSON Lines, plain text) into a fresh database and show it.
set -u
D=${1:-build/dossier}
DB=${DOSSIER_DEMO_DB:-build/demo.db}
rm -f "$DB" "$DB-wal" "$DB-shm"
echo "== dossier ingest --db $DB sample/corpus"
$D ingest --db "$DB" sample/corpus
echo
echo "== again: everything is a duplicate now"
$D ingest --db "$DB" sample/corpus 2>&1 | tail -n 1
echo
echo "== dossier articles --db $DB"
$D articles --db "$DB"
echo
echo "== dossier search --db $DB 'Kestrel denied'"
$D search --db "$DB" --limit 3 "Kestrel OR denied"
echo
first=$($D articles --db "$DB" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[4]["id"])' 2>/dev/null)
if [ -n "$first" ]; then
	echo "== dossier article --db $DB $first"
	$D article --db "$DB" "$first"
fi
echo
echo "== dossier stories --db $DB"
$D stories --db "$DB"
main=$($D stories --db "$DB" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])' 2>/dev/null)
if [ -n "$main" ]; then
	echo
	echo "== dossier story --db $DB $main  (the dossier of the main story: copies, origins, conflicts)"
	$D story --db "$DB" "$main"
fi
