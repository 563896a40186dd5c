#!/bin/sh
# feed_events.sh: story clustering on short dated feed items, English and Polish.
# Takes the items named in bench/feed_events.tsv (ids and hand-made event labels only)
# from ../shared/corpus/topic, as headline + summary + date + outlet, and scores the
# stories with ../shared/tools/score-clusters. The corpus text is read, never committed.
#   sh bench/feed_events.sh [DOSSIER]
set -eu
S=${SHARED:-../shared}
D=${1:-build/dossier}
dir=$(mktemp -d /tmp/dossier-feed-events.XXXXXX)
trap 'rm -rf "$dir"' EXIT
python3 - "$S/corpus/topic/rss_items_ukraine_war_2022_2023.jsonl.gz" bench/feed_events.tsv "$dir" <<'PY'
import gzip, json, sys
corpus, labels, out = sys.argv[1:4]
want = {}
for line in open(labels, encoding='utf-8'):
    if line.startswith('#') or not line.strip():
        continue
    i, ev = line.split()
    want[i] = ev
gold = {}
with open(out + '/docs.jsonl', 'w', encoding='utf-8') as f:
    for line in gzip.open(corpus, 'rt', encoding='utf-8'):
        d = json.loads(line)
        if d['id'] not in want:
            continue
        f.write(json.dumps({'url': d['url'], 'title': d['title'], 'summary': d.get('summary') or '',
                            'published': d['published'], 'outlet': d['outlet']}, ensure_ascii=False) + '\n')
        gold[d['url']] = {'subtopic': want[d['id']], 'topic': 'feed'}
json.dump(gold, open(out + '/gold.json', 'w'))
if len(gold) != len(want):
    sys.exit(f'feed_events: {len(want) - len(gold)} labelled items not found in {corpus}')
PY
"$S/tools/score-clusters" --docs "$dir/docs.jsonl" --gold "$dir/gold.json" --dossier "$D" |
	grep -E "^(B-cubed|pairwise|gold clusters|RESULT)"
