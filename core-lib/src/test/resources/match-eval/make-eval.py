#!/usr/bin/env python3
"""Writes names.tsv: realistic file names with the expected answer, from the fake catalog.

  python3 make-eval.py > names.tsv

Columns: category, expected, name. expected is movie:ID, tv:ID:SEASON:EPISODE, tv:ID (show
only), review or none. The labelling rule follows the matcher's contract, not its code: a
name whose title and year fit two catalog entries equally (remake without a year, same-name
shows without a year, a day without an episode, an episode past the season's end) must be
'review'; a name nothing in the catalog fits must be 'none'. Deterministic (seeded).
"""
import datetime, json, random, re, unicodedata

R = random.Random(20261202)
here = __file__.rsplit('/', 1)[0]
hard = json.load(open(here + '/../tmdb-fake/hard-cases.json'))
cat = json.load(open(here + '/../tmdb-fake/catalog.json'))
movies = {m['id']: m for m in cat['movies']}
movies.update({m['id']: m for m in hard['movies']})
shows = {s['id']: s for s in cat['tv']}
shows.update({s['id']: s for s in hard['tv']})

ROMAN = {'ii': '2', 'iii': '3', 'iv': '4', 'vi': '6', 'vii': '7', 'viii': '8', 'ix': '9', 'two': '2', 'three': '3'}
def key(t):
    t = unicodedata.normalize('NFKD', t.lower())
    t = ''.join(c for c in t if not unicodedata.combining(c)).replace('&', ' and ')
    t = re.sub(r"['’]", '', t)
    w = [ROMAN.get(x, x) for x in re.sub(r'[^\w]+', ' ', t).split()]
    if len(w) > 1 and w[0] in ('the', 'a', 'an', 'le', 'la', 'les', 'der', 'die', 'das', 'el', 'il'):
        w = w[1:]
    return ' '.join(w)

def names(m):
    return [m['title'], m.get('original_title', m['title'])] + m.get('alt', [])
by_key = {}
for m in movies.values():
    for n in names(m):
        by_key.setdefault(key(n), set()).add(m['id'])
show_key = {}
for s in shows.values():
    for n in [s['name'], s.get('original_name', s['name'])] + s.get('alt', []):
        show_key.setdefault(key(n), set()).add(s['id'])

def year(m):
    return int(m['date'][:4])

def movie_label(title, y, mid):
    """The expected answer for a film name with this title and year (or None)."""
    same = [movies[i] for i in by_key.get(key(title), ()) ]
    if y is None:
        return 'movie:%d' % mid if len(same) == 1 else 'review'
    close = [m for m in same if abs(year(m) - y) <= 1]
    exact = [m for m in same if year(m) == y]
    if len(exact) == 1 and len(close) == 1:
        return 'movie:%d' % mid
    if len(exact) == 1 and all(year(m) != y for m in close if m['id'] != exact[0]['id']):
        return 'movie:%d' % exact[0]['id']
    if not exact and len(close) == 1:
        return 'movie:%d' % close[0]['id']  # one year off, nothing else near: tolerated
    return 'review'

TAGS = ['1080p.BluRay.x264-SPARKS', '720p.BluRay.x264-AMIABLE', '1080p.WEB-DL.DD5.1.H264-FGT',
        'DVDRip.XviD-DiAMOND', '2160p.UHD.BluRay.x265-TERMiNAL', 'BRRip.XviD.AC3-EVO', '720p.HDTV.x264-KILLERS']
def clean(title):
    return re.sub(r'[:/?*"<>|]', '', title).replace('  ', ' ').strip()
def dotted(title):
    return re.sub(r'\s+', '.', clean(title).replace(' - ', ' ').replace('&', 'and'))

def movie_name(title, y, style):
    t = clean(title)
    ext = R.choice(['mkv', 'mkv', 'mp4', 'avi'])
    ys = '' if y is None else str(y)
    return {
        0: lambda: f"{t} ({ys}).{ext}" if ys else f"{t}.{ext}",
        1: lambda: f"{dotted(title)}.{ys + '.' if ys else ''}{R.choice(TAGS)}.{ext}",
        2: lambda: f"Movies/{t} ({ys})/{t} ({ys}) - 1080p.{ext}" if ys else f"Movies/{t}/{t}.{ext}",
        3: lambda: f"{dotted(title).lower()}.{ys + '.' if ys else ''}dvdrip.xvid.{ext}",
        4: lambda: f"{t} [{ys}] [1080p].{ext}" if ys else f"{t} [1080p].{ext}",
        5: lambda: f"Downloads/{t} {ys} 720p WEB-DL AAC2.0 H.264-NTb.{ext}".replace('  ', ' '),
    }[style]()

rows = []
def add(category, expected, name):
    rows.append((category, expected, name))

# plain films: vega-derived, with a year in varied styles, a few without
vega = [m for m in movies.values() if m['id'] >= 9000000 and len(key(m['title'])) > 2]
R.shuffle(vega)
for m in vega[:190]:
    y = year(m) if R.random() > 0.08 else None
    if y and R.random() < 0.07:
        y += R.choice([-1, 1])  # festival or release-year confusion
    add('plain', movie_label(m['title'], y, m['id']), movie_name(m['title'], y, R.randrange(6)))

# remakes and same-title films: with the right year, and without any year
groups = {}
for m in movies.values():
    groups.setdefault(key(m['title']), []).append(m)
remakes = [g for g in groups.values() if len({year(m) for m in g}) > 1 and len(g) <= 4]
R.shuffle(remakes)
for g in remakes[:40]:
    for m in g:
        add('remakes', movie_label(m['title'], year(m), m['id']), movie_name(m['title'], year(m), R.randrange(6)))
    m = R.choice(g)
    add('remakes', movie_label(m['title'], None, m['id']), movie_name(m['title'], None, R.choice([0, 1, 3])))

# foreign: original and alternative titles of the hand-made foreign films
for m in hard['movies']:
    if m.get('lang', 'en') == 'en' or m['genres'][:1] == [16] and m['id'] in (129, 4935, 128, 372058, 8392):
        continue
    for n in [m.get('original_title')] + m.get('alt', [])[:2]:
        if n and re.search(r'[A-Za-z]', n):
            add('foreign', movie_label(n, year(m), m['id']), movie_name(n, year(m), R.randrange(6)))

# anime films: Ghibli and friends by their romaji and English titles, bangumi films by English title
for mid in (129, 4935, 128, 372058, 8392):
    m = movies[mid]
    for n in [m['title']] + [a for a in m['alt'] if re.search('[A-Za-z]', a)][:1]:
        add('anime', movie_label(n, year(m), mid), movie_name(n, year(m), R.randrange(6)))
bfilms = [m for m in movies.values() if m.get('genres') == [16] and m['id'] < 9000000 and re.fullmatch(r"[\w .,:'!-]+", m['title']) and m['id'] not in (129, 4935, 128, 372058, 8392)]
R.shuffle(bfilms)
for m in bfilms[:25]:
    add('anime', movie_label(m['title'], year(m), m['id']), movie_name(m['title'], year(m), R.choice([0, 1, 4])))

# episodes of ordinary shows
def episodes(s):
    out = []
    for n, start, count, every in s['seasons']:
        d = datetime.date.fromisoformat(start)
        for e in range(1, count + 1):
            out.append((n, e, d))
            if every == 1:
                d += datetime.timedelta(days=1)
                while d.weekday() > 3:
                    d += datetime.timedelta(days=1)
            else:
                d += datetime.timedelta(days=every)
    return out

def show_label(s, season, ep, with_year):
    ids = show_key.get(key(s['name']), set())
    if len(ids) > 1 and not with_year:
        return 'review'
    have = {(n, e) for n, e, _ in episodes(s)}
    return 'tv:%d:%d:%d' % (s['id'], season, ep) if (season, ep) in have else 'review'

def ep_name(show, season, ep, style):
    d = dotted(show)
    return {
        0: f"{d}.S{season:02d}E{ep:02d}.720p.HDTV.x264-KILLERS.mkv",
        1: f"{show} - {season}x{ep:02d} - Episode Title.mkv",
        2: f"TV/{show}/Season {season}/{show} - S{season:02d}E{ep:02d}.mkv",
        3: f"{d.lower()}.s{season:02d}e{ep:02d}.web.h264-ggez.mkv",
        4: f"{show} S{season:02d}E{ep:02d} 1080p WEB-DL DDP5.1 H.264-NTb.mkv",
    }[style]

plain_shows = [s for s in hard['tv'] if not s.get('daily') and s['genres'][:1] != [16] and not re.fullmatch(r'\d{4}', s['name'])]
for s in plain_shows:
    eps = [x for x in episodes(s) if x[0] > 0]
    for n, e, _ in R.sample(eps, min(3, len(eps))):
        add('episodes', show_label(s, n, e, False), ep_name(s['name'], n, e, R.randrange(5)))
    n, e, _ = eps[-1]
    add('episodes', 'review', ep_name(s['name'], n, e + 5, R.randrange(5)))  # past the season's end

# shows with a year in the name, or whose name is a year
for s in hard['tv']:
    ids = show_key.get(key(s['name']), set())
    if re.fullmatch(r'\d{4}', s['name']) or len(ids) > 1:
        eps = [x for x in episodes(s) if x[0] > 0]
        for n, e, _ in R.sample(eps, min(3, len(eps))):
            y = int(s['date'][:4])
            shown = s['name'] if re.fullmatch(r'\d{4}', s['name']) else f"{s['name']} ({y})"
            style = R.randrange(5)
            name = ep_name(shown, n, e, style) if style != 0 else ep_name(f"{s['name']} {y}", n, e, 0)
            add('year-in-name', 'tv:%d:%d:%d' % (s['id'], n, e), name)

# daily shows by air date, and days without an episode
for s in hard['tv']:
    if not s.get('daily'):
        continue
    eps = episodes(s)
    for n, e, d in R.sample(eps, 9):
        d1 = dotted(s['name'])
        name = R.choice([f"{d1}.{d:%Y.%m.%d}.Guest.Name.720p.WEB.h264-BAE.mkv",
                         f"{s['name']} - {d:%Y-%m-%d} - Guest Name.mkv",
                         f"{d1}.{d:%Y.%m.%d}.1080p.HEVC.x265-MeGusta.mkv"])
        add('daily', 'tv:%d:%d:%d' % (s['id'], n, e), name)
    d = datetime.date(2023, 3, 4)  # a Saturday
    add('daily', 'review', f"{dotted(s['name'])}.{d:%Y.%m.%d}.720p.WEB.h264-BAE.mkv")

# anime episodes: absolute numbers through episode groups, season numbers, bangumi shows
for sid, title in [(1429, 'Shingeki no Kyojin'), (1429, 'Attack on Titan'), (37854, 'One Piece'),
                   (31910, 'Naruto Shippuden'), (46260, 'Naruto'), (30984, 'Bleach'), (46298, 'Hunter x Hunter (2011)')]:
    s = shows[sid]
    eps = [x for x in episodes(s) if x[0] > 0]
    for i in R.sample(range(len(eps)), 4):
        n, e, _ = eps[i]
        grp = R.choice(['SubsPlease', 'Erai-raws', 'HorribleSubs'])
        add('anime', 'tv:%d:%d:%d' % (sid, n, e), f"[{grp}] {title} - {i + 1:02d} [1080p].mkv")
for sid, title in [(85937, 'Kimetsu no Yaiba'), (65930, 'Boku no Hero Academia'), (1429, 'Attack on Titan')]:
    s = shows[sid]
    for n, e, _ in R.sample([x for x in episodes(s) if x[0] > 0], 3):
        add('anime', 'tv:%d:%d:%d' % (sid, n, e), f"[Judas] {title} - S{n:02d}E{e:02d} [1080p][HEVC x265 10bit].mkv")
bshows = [s for s in cat['tv'] if len(s['seasons']) == 1 and re.fullmatch(r"[\w .,'!-]+", s['name'])
          and len(show_key.get(key(s['name']), ())) == 1 and len(key(s['name'])) > 4]
R.shuffle(bshows)
for s in bshows[:30]:
    n, e, _ = R.choice(episodes(s))
    add('anime', 'tv:%d:%d:%d' % (s['id'], n, e), f"[{R.choice(['SubsPlease', 'Erai-raws', 'ASW'])}] {s['name']} - {e:02d} [720p].mkv")

# nothing on TMDB: home videos, made-up titles
for name in ['VID_20190512_123456.mp4', 'Family Vacation 2018.mp4', 'Grandma 90th Birthday Party.mov',
             'Zzyzx Qwerty Blorp (2011).mkv', 'Wedding Speech Final v2.mp4', 'GoPro Hero Ski Day 3.mp4',
             'Screen Recording 2021-03-04 at 10.15.22.mov', 'Untitled Project Export.mp4',
             'Kids Christmas Recital 2016.avi', 'Flibbertigibbet Moonshadow 1999 1080p BluRay x264.mkv',
             'Quuxley.Frobnicator.2014.720p.WEB-DL.mkv', 'Sunday Barbecue With Neighbours.mp4',
             'Frzzl Gmpx S01E03.mkv', 'Blorptastic Adventures S02E05 720p.mkv', 'DSC_0042.MOV',
             'Lecture 07 - Linear Algebra.mp4', 'Baby First Steps.mp4', 'Drone Footage Lake Tahoe 4K.mp4']:
    add('none', 'none', name)

print('category\texpected\tname')
for r in rows:
    print('\t'.join(r))
