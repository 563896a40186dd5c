#!/bin/sh
# run.sh: benchmarks and accuracy runs; reads ../shared (never committed).
# Prints the numbers that go into the README's results table.
#   sh bench/run.sh            everything
#   sh bench/run.sh extract    extraction speed vs readability-lxml
#   sh bench/run.sh ingest     ingest speed and peak memory
#   sh bench/run.sh accuracy   the extraction scorers
#   sh bench/run.sh analyze    language layer: speed, entities and times vs npm peers
set -u
S=${SHARED:-../shared}
D=build/dossier
what=${1:-all}
make -s build/dossier build/extract_bench build/analyze_bench >/dev/null || exit 1

if [ "$what" = all ] || [ "$what" = extract ]; then
	echo "== extraction speed, in-process, scrapinghub dev pages (median of 5 runs)"
	printf 'dossier:          '; build/extract_bench "$S/data/extraction/scrapinghub-dev/html" 5
	if /usr/bin/python3 -c 'import readability' 2>/dev/null; then
		printf 'readability-lxml: '; /usr/bin/python3 bench/readability_bench.py "$S/data/extraction/scrapinghub-dev/html" 3
	else
		echo "readability-lxml: not installed (apt-get install python3-readability)"
	fi
fi

if [ "$what" = all ] || [ "$what" = ingest ]; then
	echo "== ingest: items/s and peak memory (fresh database each)"
	for f in "$S/corpus/topic/rss_items_ukraine_war_2022_2023.jsonl.gz" \
		 "$S/corpus/general/bbc-news-2225.jsonl" \
		 "$S/corpus/general/foxnews-2025-12_2026-01-fulltext.jsonl.gz"; do
		db=$(mktemp -u /tmp/dossier-bench.XXXXXX.db)
		/usr/bin/time -f "peak_rss_kb=%M wall_s=%e" $D ingest --db "$db" "$f" 2>&1 |
			grep -E "^ingested|peak_rss" | sed "s|^|$(basename "$f"): |"
		rm -f "$db" "$db-wal" "$db-shm"
	done
	echo "== memory does not grow with input: first 1,000 items vs all"
	db=$(mktemp -u /tmp/dossier-bench.XXXXXX.db)
	zcat "$S/corpus/topic/rss_items_ukraine_war_2022_2023.jsonl.gz" | head -n 1000 > /tmp/dossier-bench-1k.jsonl
	/usr/bin/time -f "1k items: peak_rss_kb=%M" $D ingest --db "$db" /tmp/dossier-bench-1k.jsonl 2>&1 | grep peak
	rm -f "$db" "$db-wal" "$db-shm" /tmp/dossier-bench-1k.jsonl
fi

if [ "$what" = all ] || [ "$what" = accuracy ]; then
	echo "== extraction accuracy"
	"$S/tools/score-extraction" --set scrapinghub --data "$S/data/extraction/scrapinghub-dev" --dossier "$D" --jobs 2 | tail -n 1
	"$S/tools/score-extraction" --set trafilatura --data "$S/data/extraction/trafilatura-eval" --dossier "$D" --jobs 2 |
		grep -E "^  (title|published|author) |RESULT"
fi

if [ "$what" = all ] || [ "$what" = analyze ]; then
	echo "== analyze speed, in-process, BBC 2225 (median of 5 runs)"
	build/analyze_bench "$S/corpus/general/bbc-news-2225.jsonl" 5
	P=bench/peers
	if [ ! -d $P/node_modules/compromise ] || [ ! -d $P/node_modules/chrono-node ]; then
		(cd $P && npm install --silent >/dev/null 2>&1) || echo "npm peers not installed"
	fi
	echo "== entities: MEANTIME dev and GMB silver (dossier, then compromise)"
	"$S/tools/score-ner" --data "$S/data/ner/meantime-dev" --dossier "$D" --jobs 2 | tail -n 1
	"$S/tools/score-ner" --data "$S/data/ner/meantime-dev" --dossier $P/compromise-dossier --jobs 2 | tail -n 1
	"$S/tools/score-ner" --data "$S/data/ner/gmb-silver" --dossier "$D" --jobs 2 | tail -n 1
	echo "== times: TempEval-3 train and MEANTIME dev (dossier, then chrono-node)"
	"$S/tools/score-timex" --data "$S/data/temporal/tempeval3-train" --dossier "$D" --jobs 2 | tail -n 1
	"$S/tools/score-timex" --data "$S/data/temporal/tempeval3-train" --dossier $P/chrono-dossier --jobs 2 | tail -n 1
	"$S/tools/score-timex" --data "$S/data/ner/meantime-dev" --format meantime --dossier "$D" --jobs 2 | tail -n 1
fi
