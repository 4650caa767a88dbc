#!/usr/bin/env python3
"""Builds catalog.json for the fake TMDB from two npm packages (see SOURCES.md).

Usage: npm pack vega-datasets@3.2.1 bangumi-data@0.3.208 in /tmp/tmdbdata, unpack them there
(vega/package/data/movies.json, bgm/package/dist/data.json), then run
  python3 build-catalog.py /tmp/tmdbdata > catalog.json
The output is deterministic. hard-cases.json wins over both sources (same id, or same title and
year for vega films).
"""
import datetime, json, re, sys, unicodedata, zlib

src = sys.argv[1]
here = __file__.rsplit('/', 1)[0]
hard = json.load(open(here + '/hard-cases.json'))

def norm(s):
    s = unicodedata.normalize('NFKD', s.lower())
    s = ''.join(c for c in s if not unicodedata.combining(c))
    return re.sub(r'[^a-z0-9]+', ' ', s).strip()

def fix_mojibake(t):
    # 20 vega titles were decoded as Mac Roman; '¢' and '³' are genuine.
    if re.search(r'[^\x00-\x7f]', t) and not re.search('[¢³]', t):
        try:
            return t.encode('mac_roman').decode('latin-1')
        except (UnicodeEncodeError, UnicodeDecodeError):
            return t
    return t

def pop(seed, lo, hi):
    return lo + (zlib.crc32(seed.encode()) % 1000) / 1000 * (hi - lo)

hard_keys = {(norm(t), str(int(m['date'][:4]) + dy))
             for m in hard['movies'] for t in [m['title'], m.get('original_title', '')] + m.get('alt', [])
             for dy in (-1, 0, 1)}
hard_movie_ids = {m['id'] for m in hard['movies']}
hard_tv_ids = {t['id'] for t in hard['tv']}

movies, seen = [], set()
vega = json.load(open(src + '/vega/package/data/movies.json'))
for i, m in enumerate(vega):
    title, date = m.get('Title'), m.get('Release Date')
    if not title or not date:
        continue
    title = re.sub(r' \(\d{4}\)$', '', fix_mojibake(str(title)))
    d = datetime.datetime.strptime(date, '%b %d %Y').date()
    if d.year > 2012:  # two-digit-year bug in the source: 2046 means 1946
        d = d.replace(year=d.year - 100)
    key = (norm(title), str(d.year))
    if key in hard_keys or key in seen or not norm(title):
        continue
    seen.add(key)
    rec = {'id': 9000000 + i, 'title': title, 'date': d.isoformat(),
           'pop': round((m.get('IMDB Votes') or 50) / 5000, 2)}
    if m.get('Running Time min'):
        rec['runtime'] = m['Running Time min']
    movies.append(rec)

# Same-title films: the older one gets a re-release in the newer one's year (year= trap).
by_title = {}
for m in movies + hard['movies']:
    by_title.setdefault(norm(m['title']), []).append(m)
for group in by_title.values():
    years = sorted({int(m['date'][:4]) for m in group})
    for m in group:
        if m['id'] >= 9000000:
            later = [y for y in years if y > int(m['date'][:4])]
            if later:
                m['rel'] = later[:2]

tv = {}
items = json.load(open(src + '/bgm/package/dist/data.json'))['items']
def weeks(it):
    try:
        b = datetime.date.fromisoformat(it['begin'][:10])
        e = datetime.date.fromisoformat(it['end'][:10]) if it.get('end') else None
    except ValueError:
        return None, 12
    n = 12 if e is None else max(1, min(60, (e - b).days // 7 + 1))
    return b, n

for it in items:
    sites = [s['id'] for s in it['sites'] if s['site'] == 'tmdb']
    en = it['titleTranslate'].get('en')
    if not sites or not it.get('begin'):
        continue
    parts = sites[0].split('/')
    if not all(p.isdigit() for p in parts[1::2]):
        continue
    zh = it['titleTranslate'].get('zh-Hans', []) + it['titleTranslate'].get('zh-Hant', [])
    begin, count = weeks(it)
    if begin is None:
        continue
    if parts[0] == 'movie' and len(parts) == 2 and en:
        mid = int(parts[1])
        if mid in hard_movie_ids:
            continue
        movies.append({'id': mid, 'title': en[0], 'original_title': it['title'], 'lang': 'ja',
                       'date': begin.isoformat(), 'pop': round(pop(it['title'], 1, 20), 2),
                       'alt': sorted(set(en[1:] + zh)), 'genres': [16]})
    elif parts[0] == 'tv' and len(parts) in (2, 4):
        sid = int(parts[1])
        if sid in hard_tv_ids:
            continue
        season = int(parts[3]) if len(parts) == 4 else 1
        show = tv.get(sid)
        if show is None:
            if len(parts) == 4 or not en:
                continue  # a season whose show has no English base entry
            show = tv[sid] = {'id': sid, 'name': en[0], 'original_name': it['title'], 'lang': 'ja',
                              'date': begin.isoformat(), 'pop': round(pop(it['title'], 1, 30), 2),
                              'country': ['JP'], 'genres': [16], 'alt': [], 'seasons': {}}
        else:
            show['alt'] += (en or []) + [it['title']]
        show['alt'] += zh + (en[1:] if en else [])
        s = show['seasons'].setdefault(season, [season, begin.isoformat(), 0, 7])
        s[2] = min(200, s[2] + count)

shows = []
for show in tv.values():
    show['alt'] = sorted(set(a for a in show['alt'] if a != show['name']))
    show['seasons'] = [show['seasons'][k] for k in sorted(show['seasons'])]
    if len(show['seasons']) > 1:
        show['absolute'] = True
    shows.append(show)
movies.sort(key=lambda m: m['id'])
shows.sort(key=lambda s: s['id'])
json.dump({'_note': 'Generated by build-catalog.py; see SOURCES.md for sources and licences.',
           'movies': movies, 'tv': shows}, sys.stdout, ensure_ascii=False, separators=(',', ':'))
