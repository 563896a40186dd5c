#!/bin/sh
# cli.sh: end-to-end tests of the dossier command line on fixtures written
# for the project (sample/corpus) and on generated hostile inputs.
# Usage: DOSSIER=build/dossier sh tests/cli.sh ; last line "N passed, N failed".
set -u
D=${DOSSIER:-build/dossier}
T=$(mktemp -d /tmp/dossier-cli.XXXXXX)
trap 'rm -rf "$T"' EXIT
pass=0; fail=0
ok()   { pass=$((pass+1)); }
bad()  { fail=$((fail+1)); echo "FAIL: $*" >&2; }
check() { # check DESCRIPTION COMMAND...: passes when the command succeeds
	desc=$1; shift
	if "$@"; then ok; else bad "$desc"; fi
}
py() { python3 -c "$@"; }

# --- extract: one object per record, exit codes ---
$D extract sample/corpus/html/harbor-gazette-kestrel.html > "$T/a.json"; rc=$?
check "extract html exits 0" [ $rc -eq 0 ]
check "extract html fields" py "
import json; d=json.load(open('$T/a.json'))
assert d['title']=='Veloria agrees to buy up to 40 Kestrel-9 drones from Norvik Aerospace', d['title']
assert d['outlet']=='The Harbor Gazette' and d['authors']==['Mara Lindqvist'], d
assert d['published']=='2031-03-14T08:30:00Z' and d['published_from']=='jsonld'
assert d['url']=='https://harborgazette.example/world/2031/03/14/veloria-kestrel-drones'
t=d['text']
assert t.startswith('The island republic of Veloria'), t[:80]
for junk in ('cookies','Most popular','Great reporting','Share on','Related','All rights'):
    assert junk not in t, junk
assert 'Sea Lantern' in t and 'shopping list' in t
"
$D extract sample/corpus/html/coastline-daily-rewrite.html > "$T/b.json"
check "latin-1 page decoded" py "
import json; d=json.load(open('$T/b.json')); assert 'Café owners' in d['text'], d['text']"
$D extract sample/corpus/porttimes-crawl.warc.gz > "$T/w.jsonl"
check "warc: chunked+gzip response and resource, 404 and request skipped" py "
import json; L=[json.loads(l) for l in open('$T/w.jsonl')]
assert len(L)==2, len(L)
assert L[0]['outlet']=='Port Alder Times' and 'Residents near the naval base' in L[0]['text']
assert 'Share' not in L[0]['text']
assert L[1]['url'].startswith('https://navy.example/')"
$D extract sample/corpus/islands-wire.rss > "$T/r.jsonl"
check "rss items" py "
import json; L=[json.loads(l) for l in open('$T/r.jsonl')]
assert len(L)==2 and L[0]['outlet']=='Islands Wire' and L[0]['published']=='2031-03-14T15:20:00Z'
assert L[1]['text'].startswith('Trawlers') and '<b>' not in L[1]['text']"
$D extract sample/corpus/southern-observer.atom > "$T/at.json"
check "atom entry" py "
import json; d=json.load(open('$T/at.json'))
assert d['authors']==['Petra Ondaatje'] and 'No contract has been signed' in d['text']"
$D extract sample/corpus/agency-feed.jsonl > "$T/j.jsonl" 2> "$T/j.err"; rc=$?
check "jsonl: bad line reported, exit 1" [ $rc -eq 1 ]
check "jsonl: message names input and line" grep -q "agency-feed.jsonl' line 4" "$T/j.err"
check "jsonl: good lines kept" py "
import json; L=[json.loads(l) for l in open('$T/j.jsonl')]
assert len(L)==3 and L[1]['outlet']=='The Bay Herald' and L[1]['published']=='2031-03-15T07:45:00Z'"
$D extract tests/fixtures/orlin-wire.sgm > "$T/s.jsonl" 2> "$T/s.err"; rc=$?
check "sgml: a record cut short is reported, exit 1" [ $rc -eq 1 ]
check "sgml: message names input, record and line" grep -q "orlin-wire.sgm' record 3 (line 20)" "$T/s.err"
check "sgml: wire story and flash" py "
import json; L=[json.loads(l) for l in open('$T/s.jsonl')]
assert len(L)==2 and L[0]['title']=='ORLIN PORT <ORP> TO LEASE THREE TUGS' and L[0]['published']=='1991-03-14'
assert L[0]['text'].startswith('VELSEN, March 14 - Orlin Port Authority') and 'Reuter' not in L[0]['text']
assert L[1]['text']=='TARN MARINE SAYS TUG FLEET FULLY BOOKED'"
$D extract sample/corpus/veloria-blog.txt > "$T/t.json"
check "text cleaned" py "
import json; d=json.load(open('$T/t.json')); t=d['text']
assert d['title']=='Why the Kestrel deal matters for Veloria'
assert 'Leave a Reply' not in t and 'Recent Posts' not in t and 'Share this' not in t
assert t.rstrip().endswith('off Cape Morrow in January.')"
$D extract --raw sample/corpus/veloria-blog.txt > "$T/raw.json"
check "--raw keeps bytes" py "
import json; d=json.load(open('$T/raw.json')); assert d['text']==open('sample/corpus/veloria-blog.txt').read()"
cat sample/corpus/veloria-blog.txt | $D extract --format text --url https://blog.example/k - > "$T/stdin.json"
check "stdin with --url" py "
import json; d=json.load(open('$T/stdin.json')); assert d['url']=='https://blog.example/k' and d['outlet']=='blog.example'"
$D extract /nonexistent/file.html 2> "$T/e"; rc=$?
check "missing input: exit 1" [ $rc -eq 1 ]
check "missing input: named" grep -q "/nonexistent/file.html" "$T/e"
$D extract --format nosuch x 2>/dev/null; rc=$?
check "bad format: exit 2" [ $rc -eq 2 ]
$D frobnicate 2>/dev/null; rc=$?
check "unknown command: exit 2" [ $rc -eq 2 ]

# --- hostile input: bounded time, no crash, clear message ---
hostile() { # hostile NAME FILE [FORMAT]: exit 0 or 1 within 60 s, never a signal
	f=$2; fmt=${3:-auto}
	timeout 60 $D extract --format "$fmt" "$f" > /dev/null 2> "$T/h.err"; rc=$?
	if [ $rc -le 1 ]; then ok; else bad "hostile $1: exit $rc"; fi
}
head -c 300000 /dev/urandom > "$T/junk.bin"
hostile "binary junk" "$T/junk.bin"
hostile "binary junk as html" "$T/junk.bin" html
gzip -c sample/corpus/html/harbor-gazette-kestrel.html | head -c 700 > "$T/trunc.html.gz"
hostile "truncated gzip" "$T/trunc.html.gz"
check "truncated gzip: message names input" grep -q "trunc.html.gz" "$T/h.err"
head -c 3000 sample/corpus/porttimes-crawl.warc.gz > "$T/trunc.warc.gz"
hostile "truncated warc" "$T/trunc.warc.gz"
py "
import sys
open('$T/deep.html','w').write('<div>'*100000 + '<p>Deep text.</p>')
open('$T/unclosed.html','w').write('<table><tr><td><b><i><a>'*20000)
open('$T/attrs.html','w').write('<p ' + 'a=b '*200000 + '>x</p>')
open('$T/longline.jsonl','w').write('{\"text\": \"' + 'x'*(70*1024*1024) + '\"}\n{\"text\": \"A short but valid article body.\"}\n')
open('$T/lying.html','wb').write(b'<meta charset=\"utf-16\"><p>caf\xe9 cr\xe8me and more words here</p>')
open('$T/huge.sgm','w').write('<REUTERS NEWID=\"1\">\\n<TEXT><BODY>' + ('word ' * 20 + '\\n') * 700000)
open('$T/bl.rss','w').write('<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\">' + ''.join('<!ENTITY %s \"%s\">' % (chr(98+i), ('&%s;' % chr(97+i))*10) for i in range(9)) + ']><rss><channel><item><title>&j;</title><description>&j;</description></item></channel></rss>')
"
hostile "100,000 nested elements" "$T/deep.html"
hostile "unclosed inline elements" "$T/unclosed.html"
hostile "huge attribute list" "$T/attrs.html"
hostile "lying charset" "$T/lying.html"
hostile "billion laughs" "$T/bl.rss"
timeout 120 $D extract "$T/longline.jsonl" > "$T/ll.out" 2> "$T/ll.err"; rc=$?
check "70 MB JSON line: skipped with exit 1" [ $rc -eq 1 ]
check "70 MB JSON line: next line kept" grep -q "short but valid" "$T/ll.out"
check "70 MB JSON line: message" grep -q "line 1" "$T/ll.err"
timeout 120 $D extract "$T/huge.sgm" > /dev/null 2> "$T/hs.err"; rc=$?
check "70 MB SGML record: refused with exit 1" [ $rc -eq 1 ]
check "70 MB SGML record: message names input, record and limit" grep -q "huge.sgm' record 1 (line 1): larger than" "$T/hs.err"
rm -f "$T/huge.sgm"
py "
f=open('$T/huge.html','w'); f.write('<html><body>')
chunk='<p>' + 'word '*2000 + '</p>\n'
for i in range(200*1024*1024//len(chunk)+1): f.write(chunk)
"
timeout 120 $D extract "$T/huge.html" > /dev/null 2> "$T/huge.err"; rc=$?
check "200 MB page: refused with exit 1" [ $rc -eq 1 ]
check "200 MB page: message names input and limit" grep -q "huge.html.*limit" "$T/huge.err"
rm -f "$T/huge.html" "$T/longline.jsonl"

# --- ingest: idempotent, search, article ---
DB="$T/d.db"
$D ingest --db "$DB" sample/corpus > /dev/null 2> "$T/ing1"; rc=$?
check "ingest with one bad line exits 1" [ $rc -eq 1 ]
check "ingest summary" grep -q "11 stored" "$T/ing1"
DOSSIER_DB="$DB" $D ingest sample/corpus > /dev/null 2> "$T/ing2"
check "re-ingest stores nothing new (\$DOSSIER_DB)" grep -q "0 stored, 11 duplicates" "$T/ing2"
# the same text under another URL is a copy: stored, in the story, marked
cat > "$T/wire.jsonl" <<'EOF'
{"url":"https://quayside.example/a/7781","outlet":"Quayside Money","title":"Tollgate bank cuts its rate to 3.1 per cent","published":"2031-06-02T09:15:00Z","text":"The board of the Tollgate central bank lowered its main rate by a quarter point on Monday, citing slowing prices in the ports and weaker orders for ship parts."}
{"url":"https://harbourbiz.example/n/rate-cut","outlet":"Harbour Business","title":"Tollgate rate cut: a quarter point","published":"2031-06-02T09:15:00Z","text":"The board of the Tollgate central bank lowered its main rate by a quarter point on Monday, citing slowing prices in the ports and weaker orders for ship parts."}
EOF
$D ingest --db "$T/wire.db" "$T/wire.jsonl" 2> "$T/wire.err"
check "a copy under another URL is stored" grep -q "2 stored, 0 duplicates" "$T/wire.err"
$D story --db "$T/wire.db" --json 1 > "$T/wire.json"
check "a copy is in its original's story, marked, the first stored its original" py "
import json; d=json.load(open('$T/wire.json')); A={a['url'].split('/')[2]: a for a in d['articles']}
assert len(A)==2, A
assert A['quayside.example']['copy_of'] is None, A
assert A['harbourbiz.example']['copy_of']==A['quayside.example']['id'], A
assert A['harbourbiz.example']['overlap']==1.0, A"

# a story's stored article vectors are read back when a later ingest joins
# it; vectors that are not this program's leave the story whole, no error
py "
import json
for part, rng in (('1', range(0, 4)), ('2', range(4, 9))):
    with open('$T/gale' + part + '.jsonl', 'w') as f:
        for i in rng:
            f.write(json.dumps({'url': 'https://galewatch.example/n/%d' % i, 'outlet': 'Gale Watch %d' % i,
                'title': 'Storm Orla closes Fennick port, day %d' % i, 'published': '2031-11-0%dT08:00:00Z' % (i % 3 + 1),
                'text': 'Storm Orla shut the port of Fennick again; ferries to Ambry stayed moored and the harbour master counted %d damaged boats.' % (10 + i)}) + '\\n')
"
$D ingest --db "$T/gale.db" "$T/gale1.jsonl" 2> /dev/null
py "
import sqlite3; c=sqlite3.connect('$T/gale.db'); c.execute(\"update story_terms set terms = x'0102030405'\"); c.commit()"
$D ingest --db "$T/gale.db" "$T/gale2.jsonl" 2> "$T/gale.err"; rc=$?
check "an ingest past unreadable stored vectors exits 0" [ $rc -eq 0 ]
check "... and places every item" grep -q "5 placed in stories" "$T/gale.err"
$D search --db "$DB" --json "Kestrel drones" > "$T/s.json"
check "search ranks and snippets" py "
import json; L=json.load(open('$T/s.json')); assert len(L)>=5, len(L)
assert all('[' in h['snippet'] for h in L)"
id=$(py "import json; print(json.load(open('$T/a.json'))['id'])")
$D article --db "$DB" --json "$id" > "$T/art.json"
check "article by id" py "
import json; d=json.load(open('$T/art.json')); assert d['title'].startswith('Veloria agrees')"
$D article --db "$DB" nosuchid 2>/dev/null; rc=$?
check "unknown article: exit 1" [ $rc -eq 1 ]

# --- kill -9 during ingest: consistent, and a re-run finishes without duplicates ---
py "
import json
with open('$T/many.jsonl','w') as f:
    for i in range(30000):
        f.write(json.dumps({'url':'https://bulk.example/%d'%i,'title':'Item %d'%i,
          'text':'Bulk item number %d reports that the harbour master counted %d boats today.'%(i,i*7)})+'\n')
"
KDB="$T/k.db"
$D ingest --db "$KDB" "$T/many.jsonl" > /dev/null 2>&1 &
pid=$!
sleep 0.7
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
check "after kill -9: integrity ok" py "
import sqlite3; c=sqlite3.connect('$KDB'); assert c.execute('pragma integrity_check').fetchone()[0]=='ok'
n=c.execute('select count(*) from articles').fetchone()[0]; print('  killed after', n, 'articles')
assert n < 30000"
$D ingest --db "$KDB" "$T/many.jsonl" > /dev/null 2>&1
check "after re-run: all stored once" py "
import sqlite3; c=sqlite3.connect('$KDB')
assert c.execute('select count(*), count(distinct url) from articles').fetchone()==(30000,30000)
assert c.execute(\"select count(*) from articles_fts where articles_fts match 'harbour'\").fetchone()[0]==30000"

# --- analyze: layers with byte spans; --raw keeps the input byte for byte ---
printf 'Norvik Aerospace said on Friday it will deliver up to 40 Kestrel-9 drones.\r\n\r\nCaf\303\251 owners\tin Veloria \342\200\234agreed\342\200\235 on 3 March.' > "$T/an.txt"
$D analyze --raw --published 2031-03-15 "$T/an.txt" > "$T/an.json"; rc=$?
check "analyze exits 0" [ $rc -eq 0 ]
check "analyze: raw text, byte spans, layers" py "
import json; d=json.load(open('$T/an.json')); raw=open('$T/an.txt','rb').read()
t=d['text'].encode(); assert t==raw
for layer in ('sentences','entities','times','quantities'):
    for x in d[layer]:
        assert 0<=x['start']<x['end']<=len(t), (layer,x)
        if 'text' in x: assert t[x['start']:x['end']].decode()==x['text'], x
assert len(d['sentences'])==2, d['sentences']
v={x['text']:x['value'] for x in d['times']}
assert v.get('Friday')=='2031-03-14' and v.get('3 March')=='2031-03-03', v
q=d['quantities'][0]; assert (q['value'],q['bound'],q['unit'])==(40,'up_to','drone'), q
assert any(e['text']=='Kestrel-9' and e['type']=='EQUIPMENT' for e in d['entities']), d['entities']
a=[x for x in d['attributions'] if x['cue']['text']=='said']; assert a, d['attributions']
a=a[0]; assert a['source']['text']=='Norvik Aerospace' and a['source']['kind'] in ('organization','outlet'), a
for r in ('cue','source','content'):
    assert 0<=a[r]['start']<a[r]['end']<=len(t), a
assert a['chain'] and a['chain'][0]['canonical']=='Norvik Aerospace', a
c=[x for x in d['claims'] if x['action']=='deliver']; assert c, d['claims']
c=c[0]; assert c['attribution']==0 and c['theme']=='Kestrel-9' and c['quantities']==[0] and not c['negated'], c
"
# --- stories: the sample corpus groups into stories with stable ids ---
$D ingest --db "$T/st.db" sample/corpus >/dev/null 2>&1
$D stories --db "$T/st.db" --json > "$T/st1.json"; rc=$?
check "stories exits 0" [ $rc -eq 0 ]
check "stories: every article in one story, contract fields" py "
import json,sqlite3; s=json.load(open('$T/st1.json'))
n=sqlite3.connect('$T/st.db').execute('select count(*) from articles').fetchone()[0]
ids=[a['id'] for x in s for a in x['articles']]
assert len(ids)==n==len(set(ids)), (len(ids), n)
for x in s:
    assert set(x)>={'id','title','first_published','last_published','articles'}, x
assert len(s[0]['articles'])>=3, [len(x['articles']) for x in s]
"
$D stories --db "$T/st.db" --json > "$T/st2.json"
check "stories: ids stable across runs" cmp "$T/st1.json" "$T/st2.json"
sid=$(py "import json; print(json.load(open('$T/st1.json'))[0]['id'])")
check "story ID prints the story" sh -c "$D story --db '$T/st.db' $sid | grep -q ARTICLES"
$D story --db "$T/st.db" --json $sid > "$T/dos.json"; rc=$?
check "story --json exits 0" [ $rc -eq 0 ]
check "story --json: the Dossier of CONTRACT.md" py "
import json; d=json.load(open('$T/dos.json'))
assert set(d)>={'id','title','first_published','last_published','articles','entities','claims','conflicts','timeline'}, set(d)
ids={a['id'] for a in d['articles']}
for a in d['articles']:
    assert set(a)>={'id','url','outlet','title','published','copy_of','overlap'}, a
    assert a['copy_of'] is None or a['copy_of'] in ids, a
    assert 0<=a['overlap']<=1, a
assert any(a['copy_of'] for a in d['articles']), 'the sample has copies'
cids={c['id'] for c in d['claims']}
for c in d['claims']:
    assert set(c)>={'id','text','actor','action','theme','quantity','time','places','evidence','roots','independent','conflicts'}, c
    assert c['independent']==len(c['roots'])>=1 and c['evidence'], c
    assert all(e['article'] in ids and e['root'] in c['roots'] for e in c['evidence']), c
    assert set(c['conflicts'])<=cids, c
assert any(c['independent']>=2 for c in d['claims']), 'independent corroboration'
f={x['field'] for x in d['conflicts']}
assert 'quantity' in f and 'polarity' in f, d['conflicts']
for x in d['conflicts']:
    assert len(x['claims'])==2 and set(x['claims'])<=cids and len(x['values'])==2, x
dates=[t['date'] for t in d['timeline']]; assert dates==sorted(dates) and dates, dates
for e in d['entities']:
    assert set(e)>={'canonical','type','aliases','articles'} and e['articles']>=1, e
"
check "story: the report shows claims, conflicts, timeline, entities" sh -c "$D story --db '$T/st.db' $sid | grep -q CONFLICTS && $D story --db '$T/st.db' $sid | grep -q 'copy of' && $D story --db '$T/st.db' $sid | grep -q TIMELINE && $D story --db '$T/st.db' $sid | grep -q ENTITIES"
check "story: a pronoun teller shows whom it stands for" sh -c "$D story --db '$T/st.db' $sid | grep -q 'It (Harbor Gazette)'"
# a story with hostile articles: cue-dense, quote-dense, number-dense, repeated lines
cat > "$T/hostile.py" <<'PYEOF'
import json, sys
b = 'Norvik Aerospace said the Kestrel-9 deal with Veloria was signed in Port Alder on March 9. '
odd = ['Veloria told Norvik that Kestrel-9 said Port Alder reported, citing officials, ' * 4000,
       '"' * 3000 + 'said ' * 500, 'up to 40 at least 36 about $310 million ' * 1000,
       '\n\n'.join(['Moscow and Tehran agreed on the production of drones.'] * 500), '']
with open(sys.argv[1], 'w') as f:
    for i, o in enumerate(odd):
        f.write(json.dumps({'url': 'https://h.example/%d' % i, 'title': 'Kestrel deal',
                            'published': '2031-03-1%d' % i, 'text': b + o}) + '\n')
PYEOF
python3 "$T/hostile.py" "$T/hostile.jsonl"
$D ingest --db "$T/h.db" "$T/hostile.jsonl" >/dev/null 2>&1
hid=$($D stories --db "$T/h.db" --json | py "import json,sys; print(json.load(sys.stdin)[0]['id'])")
$D story --db "$T/h.db" --json "$hid" > "$T/h.json"; rc=$?
check "story: hostile articles give a dossier" py "
import json; d=json.load(open('$T/h.json')); assert $rc==0 and d['articles'] and isinstance(d['claims'], list)"
$D story --db "$T/st.db" 99999 2>/dev/null; rc=$?
check "story: unknown id exits 1" [ $rc -eq 1 ]
# options may follow the operands, as in most commands; a stray operand is a usage error
$D story --db "$T/st.db" $sid --json > "$T/after.json" 2>&1
check "story ID --json: options after the id count" py "
import json; assert json.load(open('$T/after.json'))['id']==$sid"
$D stories --db "$T/st.db" $sid >/dev/null 2>&1; rc=$?
check "stories with an operand exits 2" [ $rc -eq 2 ]
$D story --db "$T/st.db" $sid $sid >/dev/null 2>&1; rc=$?
check "story with two ids exits 2" [ $rc -eq 2 ]
# an article without a title is listed by its opening words, not its id
printf 'After two weeks of talks in Port Alder, the Velsen ministry has agreed to buy forty Kestrel-9 drones from Norvik Aerospace, the Harbor Gazette reported on Monday, citing two officials.\n\nThe first drones would arrive in May.\n' > "$T/untitled.txt"
$D ingest --db "$T/u.db" --published 2031-03-10 "$T/untitled.txt" >/dev/null 2>&1
check "story: an untitled article shows its opening words" sh -c "$D story --db '$T/u.db' 1 | grep -q '^  2031-03-10 .*After two weeks of talks in Port Alder.*\.\.\.$'"
check "story: a story of untitled articles is headed by the opening words" sh -c "$D story --db '$T/u.db' 1 | head -n 1 | grep -q '^STORY 1  After two weeks of talks'"

$D analyze sample/corpus/agency-feed.jsonl > "$T/an.jsonl" 2>/dev/null
check "analyze: one object per JSON line" py "
import json; L=[json.loads(l) for l in open('$T/an.jsonl')]; assert len(L)>=2 and all('entities' in x for x in L)"
$D analyze /nonexistent/file 2>"$T/an.err"; rc=$?
check "analyze: missing input exits 1 and names it" sh -c "[ $rc -eq 1 ] && grep -q nonexistent '$T/an.err'"
head -c 300000 /dev/urandom > "$T/junk.bin"
$D analyze --raw --format text "$T/junk.bin" > /dev/null 2>&1; rc=$?
check "analyze: binary junk does not crash" [ $rc -le 1 ]

py "
import random
random.seed(3)
w=[''.join(random.choice('abcdefghijklmnopqrstuvwxyz') for _ in range(6)).capitalize() for _ in range(300000)]
open('$T/names.txt','w').write(' called '.join(w))"
timeout 60 $D analyze --raw "$T/names.txt" > "$T/names.json"; rc=$?
check "analyze: 2.4 MB of distinct names in one sentence stays linear (no timeout)" [ $rc -eq 0 ]

echo "cli: $pass passed, $fail failed"
[ $fail -eq 0 ]
