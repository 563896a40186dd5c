#!/bin/sh
# run.sh: benchmarks and accuracy runs; reads ../shared (never committed).
# Prints the numbers that go into the README's results table.
#   sh bench/run.sh            everything
#   sh bench/run.sh extract    extraction speed vs readability-lxml
#   sh bench/run.sh ingest     ingest speed and peak memory
#   sh bench/run.sh accuracy   the extraction scorers
#   sh bench/run.sh analyze    language layer: speed, entities and times vs npm peers
#   sh bench/run.sh attrib     attributions: PolNeAR dev
#   sh bench/run.sh stories    clustering accuracy, ingest + clustering cost per item by size, dossiers
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

if [ "$what" = all ] || [ "$what" = attrib ]; then
	echo "== attributions: PolNeAR dev"
	"$S/tools/score-attribution" --data "$S/data/attribution/polnear-dev/dev" --dossier "$D" --jobs 2 | tail -n 1
	echo "== analyze speed with and without attributions and claims, BBC 2225 (median of 5 runs)"
	make -s BUILD=build/noattr CFLAGS="-O2 -DDSR_NO_ATTRIB" build/noattr/analyze_bench >/dev/null || exit 1
	build/analyze_bench "$S/corpus/general/bbc-news-2225.jsonl" 5
	build/noattr/analyze_bench "$S/corpus/general/bbc-news-2225.jsonl" 5
	echo "== ... by stage: claims alone (no attributions), then claims and the cue tagger (no roles)"
	for stop in 1 2; do
		make -s BUILD=build/stop$stop CFLAGS="-O2 -DDSR_ATTRIB_STOP=$stop" build/stop$stop/analyze_bench >/dev/null || exit 1
		build/stop$stop/analyze_bench "$S/corpus/general/bbc-news-2225.jsonl" 5
	done
fi

if [ "$what" = all ] || [ "$what" = stories ]; then
	echo "== stories: ECB+ dev"
	"$S/tools/score-clusters" --docs "$S/data/stories/ecbplus-dev/docs.jsonl" \
		--gold "$S/data/stories/ecbplus-dev/gold.json" --dossier "$D" | tail -n 1
	echo "== stories: feed items by event (bench/feed_events.tsv; every item alone: B-cubed 0.837)"
	sh bench/feed_events.sh "$D" | tail -n 1
	echo "== ingest + clustering of the war feed, by size (fresh database each; wall s, items/s, peak memory)"
	W=/tmp/dossier-bench-war.jsonl
	zcat "$S/corpus/topic/rss_items_ukraine_war_2022_2023.jsonl.gz" > $W
	for n in 1000 5000 20000 47380; do
		db=$(mktemp -u /tmp/dossier-bench.XXXXXX.db)
		head -n $n $W > $W.part
		/usr/bin/time -f "%e %M" -o /tmp/dossier-bench.time $D ingest --db "$db" $W.part >/dev/null 2>&1
		read -r s kb <<EOF
$(tail -n 1 /tmp/dossier-bench.time)
EOF
		st=$(sqlite3 "$db" "select count(*), max(n) from stories" 2>/dev/null)
		awk -v n=$n -v s=$s -v kb=$kb -v st="$st" 'BEGIN { printf "%6d items: %6.2f s  %6.0f items/s  %6.1f us/item  peak %5.1f MB  stories|largest %s\n", n, s, n / s, s * 1e6 / n, kb / 1024, st }'
		[ $n = 47380 ] && big=$db || rm -f "$db" "$db-wal" "$db-shm"
	done
	echo "== dossier of the largest war-feed story (analysis of every article, merging)"
	id=$(sqlite3 "$big" "select id from stories order by n desc limit 1")
	/usr/bin/time -f "story $id: %e s, peak %M KB" $D story --db "$big" "$id" 2>&1 >/dev/null | tail -n 1
	rm -f "$big" "$big-wal" "$big-shm" $W $W.part /tmp/dossier-bench.time
fi
