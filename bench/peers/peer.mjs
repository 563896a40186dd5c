// peer.mjs: runs an npm peer behind dossier's `analyze` interface so that the
// shared scorers can score it exactly like dossier:
//   node peer.mjs compromise|chrono analyze [--format F] [--raw] [--published DATE] FILE
// prints {"text", "entities"|"times"} with byte offsets into the text.
import { readFileSync } from 'node:fs';
import nlp from 'compromise';
import * as chrono from 'chrono-node';

const [peer, , ...args] = process.argv.slice(2);
let published = null;
let file = null;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--published') published = args[++i];
  else if (args[i] === '--format') i++;
  else if (!args[i].startsWith('--')) file = args[i];
}
const text = readFileSync(file, 'utf8');
const bytes = (charIndex) => Buffer.byteLength(text.slice(0, charIndex), 'utf8');
const out = { text, entities: [], times: [] };

if (peer === 'compromise') {
  const doc = nlp(text);
  const add = (view, type) => {
    for (const m of view.json({ offset: true })) {
      const o = m.offset;
      out.entities.push({ start: bytes(o.start), end: bytes(o.start + o.length), text: m.text, type });
    }
  };
  add(doc.people(), 'PERSON');
  add(doc.places(), 'GPE');
  add(doc.organizations(), 'ORG');
  out.entities.sort((a, b) => a.start - b.start);
} else {
  const ref = published ? new Date(published.slice(0, 10) + 'T12:00:00Z') : new Date('2000-01-01T12:00:00Z');
  const pad = (n, w = 2) => String(n).padStart(w, '0');
  for (const r of chrono.parse(text, ref)) {
    const s = r.start;
    let value = String(s.get('year'));
    if (s.isCertain('month')) value += '-' + pad(s.get('month'));
    if (s.isCertain('day') || s.isCertain('weekday')) value = s.get('year') + '-' + pad(s.get('month')) + '-' + pad(s.get('day'));
    const type = s.isCertain('hour') ? 'TIME' : 'DATE';
    out.times.push({ start: bytes(r.index), end: bytes(r.index + r.text.length), text: r.text, type, value });
  }
}
process.stdout.write(JSON.stringify(out) + '\n');
