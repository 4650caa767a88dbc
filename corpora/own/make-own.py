#!/usr/bin/env python3
"""Writes own-names.jsonl: the project's own corpus of file names, in the shared corpus format.

The names are built from word lists written for this file (titles, episode titles, release
words, foreign season/episode words) and from name shapes that people and release groups
really use. It is deterministic (fixed seed): rerun it after changing a list, never hand-edit
the output. The corpus is held out: it is scored at the end of a parser change, not used to
tune it (see README.md).

  python3 corpora/own/make-own.py > corpora/own/own-names.jsonl
"""
import json
import random

R = random.Random(20261205)

# (title, year); titles with " - " are written by people as ":" replacements.
MOVIES = [
    ("The Matrix", 1999), ("Inception", 2010), ("Heat", 1995), ("Alien", 1979), ("Aliens", 1986),
    ("Jaws", 1975), ("Parasite", 2019), ("Arrival", 2016), ("Whiplash", 2014), ("Gravity", 2013),
    ("The Godfather", 1972), ("Casablanca", 1942), ("Amelie", 2001), ("Oldboy", 2003),
    ("No Country for Old Men", 2007), ("There Will Be Blood", 2007), ("The Social Network", 2010),
    ("Blade Runner", 1982), ("Blade Runner 2049", 2017), ("Mad Max Fury Road", 2015),
    ("The Grand Budapest Hotel", 2014), ("Moonlight", 2016), ("Get Out", 2017), ("Dune", 2021),
    ("Interstellar", 2014), ("The Departed", 2006), ("Gladiator", 2000), ("Memento", 2000),
    ("Se7en", 1995), ("Fargo", 1996), ("Drive", 2011), ("Her", 2013), ("Up", 2009),
    ("Coco", 2017), ("Soul", 2020), ("Tenet", 2020), ("Joker", 2019), ("Knives Out", 2019),
    ("The Irishman", 2019), ("Roma", 2018), ("Prisoners", 2013), ("Sicario", 2015),
    ("Zodiac", 2007), ("Children of Men", 2006), ("The Prestige", 2006), ("Ratatouille", 2007),
    ("Toy Story", 1995), ("Finding Nemo", 2003), ("The Lion King", 1994), ("Spirited Away", 2001),
    ("Princess Mononoke", 1997), ("Akira", 1988), ("Pulp Fiction", 1994), ("Goodfellas", 1990),
    ("Jurassic Park", 1993), ("Back to the Future", 1985), ("The Shining", 1980),
    ("Apocalypse Now", 1979), ("Taxi Driver", 1976), ("Rocky", 1976), ("The Terminator", 1984),
    ("Predator", 1987), ("Die Hard", 1988), ("Top Gun Maverick", 2022), ("Oppenheimer", 2023),
    ("Barbie", 2023), ("Past Lives", 2023), ("Everything Everywhere All at Once", 2022),
    ("The Batman", 2022), ("Nope", 2022), ("Aftersun", 2022), ("Tar", 2022),
    ("The Banshees of Inisherin", 2022), ("Poor Things", 2023), ("Anatomy of a Fall", 2023),
    ("The Zone of Interest", 2023), ("Killers of the Flower Moon", 2023), ("Civil War", 2024),
    ("Challengers", 2024), ("Furiosa", 2024), ("Conclave", 2024), ("Anora", 2024),
    ("The Brutalist", 2024), ("Wicked", 2024), ("Flow", 2024), ("Nosferatu", 2024),
    ("Twelve Monkeys", 1995), ("The Fifth Element", 1997), ("Leon", 1994), ("Heat", 1995),
    ("Lost in Translation", 2003), ("Eternal Sunshine of the Spotless Mind", 2004),
    ("The Truman Show", 1998), ("Fight Club", 1999), ("American Beauty", 1999),
    ("Magnolia", 1999), ("Boogie Nights", 1997), ("Jackie Brown", 1997), ("Inglourious Basterds", 2009), ("Django Unchained", 2012),
    ("The Hateful Eight", 2015), ("Once Upon a Time in Hollywood", 2019), ("Babylon", 2022),
    ("La La Land", 2016), ("First Man", 2018), ("The Martian", 2015), ("Prometheus", 2012),
    ("Edge of Tomorrow", 2014), ("Oblivion", 2013), ("Minority Report", 2002), ("Looper", 2012),
    ("District 9", 2009), ("Elysium", 2013), ("Ex Machina", 2014), ("Annihilation", 2018),
    ("Midsommar", 2019), ("Hereditary", 2018), ("The Witch", 2015), ("The Lighthouse", 2019),
    ("Us", 2019), ("It Follows", 2014), ("The Babadook", 2014), ("Train to Busan", 2016),
    ("The Handmaiden", 2016), ("Burning", 2018), ("Shoplifters", 2018), ("Drive My Car", 2021),
    ("Perfect Days", 2023), ("Monster", 2023), ("The Boy and the Heron", 2023),
    ("Your Name", 2016), ("Weathering with You", 2019), ("Suzume", 2022), ("Paprika", 2006),
    ("Perfect Blue", 1997), ("Ghost in the Shell", 1995), ("Das Boot", 1981), ("Run Lola Run", 1998),
    ("Good Bye Lenin", 2003), ("The Lives of Others", 2006), ("Downfall", 2004),
    ("Pan's Labyrinth", 2006), ("The Orphanage", 2007), ("Volver", 2006), ("Talk to Her", 2002),
    ("Intouchables", 2011), ("La Haine", 1995), ("Amour", 2012), ("Cinema Paradiso", 1988),
    ("Life Is Beautiful", 1997), ("The Great Beauty", 2013), ("City of God", 2002),
    ("Y Tu Mama Tambien", 2001), ("Amores Perros", 2000), ("Leviathan", 2014), ("Stalker", 1979),
    ("Solaris", 1972), ("Brother", 1997), ("Come and See", 1985), ("Ida", 2013), ("Cold War", 2018),
]

SUBTITLED = [
    ("Mission Impossible", "Fallout", 2018), ("Mission Impossible", "Ghost Protocol", 2011),
    ("Mission Impossible", "Rogue Nation", 2015), ("The Lord of the Rings", "The Two Towers", 2002), ("The Lord of the Rings", "The Return of the King", 2003),
    ("The Lord of the Rings", "The Fellowship of the Ring", 2001), ("Spider-Man", "No Way Home", 2021),
    ("Spider-Man", "Far From Home", 2019), ("Spider-Man", "Homecoming", 2017),
    ("Spider-Man", "Across the Spider-Verse", 2023), ("Star Wars", "The Empire Strikes Back", 1980),
    ("Star Wars", "A New Hope", 1977), ("Star Wars", "The Last Jedi", 2017), ("Rogue One", "A Star Wars Story", 2016),
    ("Pirates of the Caribbean", "Dead Man's Chest", 2006),
    ("Pirates of the Caribbean", "The Curse of the Black Pearl", 2003), ("Indiana Jones", "Raiders of the Lost Ark", 1981),
    ("Indiana Jones", "The Dial of Destiny", 2023), ("Avengers", "Endgame", 2019), ("Avengers", "Infinity War", 2018),
    ("Alien", "Covenant", 2017),
    ("Alien", "Romulus", 2024), ("Terminator 2", "Judgment Day", 1991),
    ("Star Trek", "The Wrath of Khan", 1982), ("Star Trek", "First Contact", 1996), ("Batman", "The Dark Knight Returns", 2012),
    ("John Wick", "Chapter 4", 2023), ("Kingsman", "The Secret Service", 2014), ("Fantastic Beasts", "The Crimes of Grindelwald", 2018),
    ("Planet of the Apes", "Kingdom", 2024), ("Borat", "Subsequent Moviefilm", 2020), ("Glass Onion", "A Knives Out Mystery", 2022),
    ("The Hunger Games", "Catching Fire", 2013), ("Pirates of the Caribbean", "At World's End", 2007),
    ("Transformers", "Dark of the Moon", 2011), ("Wallace and Gromit", "The Curse of the Were-Rabbit", 2005), ("Shrek", "Forever After", 2010),
    ("Mad Max", "Beyond Thunderdome", 1985),
    ("Mission Impossible", "The Final Reckoning", 2025), ("Captain America", "Civil War", 2016),
    ("Captain America", "The Winter Soldier", 2014), ("Black Panther", "Wakanda Forever", 2022),
]

SHOWS = [
    "Breaking Bad", "Better Call Saul", "The Wire", "The Sopranos", "Mad Men", "Succession", "Severance",
    "The Bear", "Fargo", "True Detective", "Game of Thrones", "House of the Dragon", "The Crown",
    "Stranger Things", "Dark", "Chernobyl", "The Leftovers", "Westworld", "Lost", "Fringe", "Sherlock",
    "Black Mirror", "Ted Lasso", "Only Murders in the Building", "The Last of Us", "Andor", "The Mandalorian",
    "Slow Horses", "Yellowjackets", "Barry", "Atlanta", "Fleabag", "Veep", "Silicon Valley", "Parks and Recreation",
    "Brooklyn Nine-Nine", "Community", "Friends", "Seinfeld", "Frasier", "Scrubs", "How I Met Your Mother",
    "The Big Bang Theory", "Modern Family", "Arrested Development", "The Simpsons", "Futurama", "Rick and Morty",
    "BoJack Horseman", "Bluey", "Peaky Blinders", "Line of Duty", "Happy Valley", "Broadchurch", "Luther",
    "The Expanse", "Battlestar Galactica", "Firefly", "Babylon 5", "The X-Files", "Twin Peaks", "Mr Robot",
    "Halt and Catch Fire", "The Americans", "Homeland", "24", "Prison Break", "Dexter", "Six Feet Under",
    "Deadwood", "Boardwalk Empire", "Band of Brothers", "The Pacific", "Shogun", "The Boys", "Invincible",
    "Arcane", "Reservation Dogs", "What We Do in the Shadows", "Abbott Elementary", "The Good Place",
    "Schitt's Creek", "Derry Girls", "The IT Crowd", "Peep Show", "Blackadder", "Money Heist", "Narcos",
    "Ozark", "Mindhunter", "The Witcher", "Squid Game", "Lupin", "Babylon Berlin", "Borgen", "The Bridge",
]

QUALIFIED = [  # (name as written, expected title, expected year); the country goes to its own field,
    # as in the public corpora (guessit), so the title is the show name without it
    ("The Office US", "The Office", None), ("The Office UK", "The Office", None),
    ("Shameless US", "Shameless", None), ("Shameless UK", "Shameless", None),
    ("Doctor Who 2005", "Doctor Who", 2005), ("Doctor Who 1963", "Doctor Who", 1963),
    ("Battlestar Galactica 2003", "Battlestar Galactica", 2003), ("Hawaii Five-0 2010", "Hawaii Five-0", 2010),
    ("Charmed 2018", "Charmed", 2018), ("Magnum PI 2018", "Magnum PI", 2018),
    ("House of Cards US", "House of Cards", None), ("Ghosts US", "Ghosts", None),
    ("The Twilight Zone 2019", "The Twilight Zone", 2019), ("Queer as Folk US", "Queer as Folk", None),
]

SUBTITLED_SHOWS = [  # series whose own name contains " - " (spinoffs)
    ("The Walking Dead", "Dead City"), ("The Walking Dead", "Daryl Dixon"), ("Star Trek", "Strange New Worlds"),
    ("Star Trek", "Lower Decks"), ("Star Wars", "The Clone Wars"), ("Law and Order", "Special Victims Unit"),
    ("CSI", "Crime Scene Investigation"), ("Avatar", "The Last Airbender"), ("Fear the Walking Dead", "Flight 462"),
]

EP_TITLES = [
    "Pilot", "The Long Night", "Ozymandias", "Fly", "Felina", "The Constant", "Blink", "The Rains of Castamere",
    "Hardhome", "Battle of the Bastards", "Chapter One", "The Beginning", "Homecoming", "Winter Is Coming",
    "Out of Time", "The Reckoning", "Cold Open", "Unfinished Business", "Lost and Found", "The Return",
    "Kill Switch", "One Last Job", "Sunday Dinner", "The Wedding", "Signal and Noise", "Open Water",
    "Parting Shots", "A New Hope", "The Other Side", "Nightfall", "Dead Weight", "Crossroads",
    "Loose Ends", "Point of No Return", "The Fall", "Afterlife", "Ghosts", "Old Friends", "First Light",
]

ANIME = ["One Piece", "Naruto Shippuden", "Bleach", "Detective Conan", "Fairy Tail", "Boruto",
         "Dragon Ball Super", "Black Clover", "Gintama", "Hunter x Hunter", "Jujutsu Kaisen",
         "Frieren", "Spy x Family", "Chainsaw Man", "Vinland Saga", "Blue Lock", "Oshi no Ko",
         "Dandadan", "Kaiju No 8", "Solo Leveling", "Mushoku Tensei", "Dr Stone"]
FANSUB = ["SubsPlease", "Erai-raws", "HorribleSubs", "EMBER", "Judas", "ASW", "Anime Time", "DKB"]

DAILY = ["The Daily Show", "Last Week Tonight", "The Late Show with Stephen Colbert", "Jimmy Kimmel Live",
         "Late Night with Seth Meyers", "The Tonight Show Starring Jimmy Fallon", "Real Time with Bill Maher",
         "Conan", "The Colbert Report", "Saturday Night Live", "Newsnight", "The Graham Norton Show"]
GUESTS = ["Tom Hanks", "Greta Gerwig", "Keanu Reeves", "Emma Stone", "Pedro Pascal", "Zendaya",
          "Barack Obama", "Taylor Swift", "Cillian Murphy", "Margot Robbie"]

RES = ["720p", "1080p", "2160p", "480p"]
SRC = ["BluRay", "WEB-DL", "WEBRip", "HDTV", "BDRip", "DVDRip", "AMZN.WEB-DL", "NF.WEB-DL", "REMUX"]
VC = ["x264", "x265", "H.264", "HEVC", "h264", "XviD", "AV1"]
AC = ["DD5.1", "AAC2.0", "DTS-HD.MA.5.1", "AC3", "DDP5.1", "TrueHD.7.1.Atmos", "FLAC"]
GRP = ["SPARKS", "NTb", "FLUX", "RARBG", "YIFY", "GECKOS", "CMRG", "EDITH", "TEPES", "KOGi", "NOGRP", "playWEB"]
WIDE = ["1920x1080", "1920x800", "1920x910", "1920x1040", "1280x720", "3840x1600", "1280x536"]
EXT = ["mkv", "mkv", "mkv", "mp4", "avi", "m4v"]

ES_SHOWS = ["La Casa de Papel", "Elite", "Aqui No Hay Quien Viva", "Cuentame Como Paso", "El Ministerio del Tiempo",
            "Los Serrano", "Vis a Vis", "Velvet", "Merli", "Gran Hotel"]
IT_SHOWS = ["Gomorra", "Suburra", "Don Matteo", "Il Commissario Montalbano", "L'amica geniale", "Boris", "Skam Italia"]
DE_SHOWS = ["Tatort", "Dark", "Babylon Berlin", "Der Bergdoktor", "Die Kanzlei", "Stromberg", "Pastewka"]
FR_SHOWS = ["Engrenages", "Le Bureau des Legendes", "Dix pour cent", "Kaamelott", "Les Revenants", "Lupin", "Baron Noir"]
RU_SHOWS = [("Metod", "\u041c\u0435\u0442\u043e\u0434"), ("Trigger", "\u0422\u0440\u0438\u0433\u0433\u0435\u0440"),
            ("Epidemic", "\u042d\u043f\u0438\u0434\u0435\u043c\u0438\u044f"), ("Ottepel", "\u041e\u0442\u0442\u0435\u043f\u0435\u043b\u044c"),
            ("Major", "\u041c\u0430\u0436\u043e\u0440"), ("Sluzhebnyy Roman", "\u0421\u043b\u0443\u0436\u0435\u0431\u043d\u044b\u0439 \u0440\u043e\u043c\u0430\u043d")]

HOME_WORDS = ["Vacation", "Birthday", "Wedding", "Christmas", "Holiday", "Trip", "Graduation", "Party", "Beach day",
              "Camping", "Road trip", "Thanksgiving", "School play", "First steps", "Recital"]
PLACES = ["Hawaii", "Paris", "Grandma's", "Lake Tahoe", "Rome", "the cabin", "Yosemite", "Barcelona", "Disneyland"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]

out = []


def add(name, expected, kind):
    out.append({"input": name, "expected": expected, "source": "video-organizer:corpora/own/make-own.py#" + kind})


def pick(xs):
    return R.choice(xs)


def rel():
    parts = [pick(RES), pick(SRC)]
    if R.random() < 0.5:
        parts.append(pick(AC))
    parts.append(pick(VC))
    return ".".join(parts) + "-" + pick(GRP)


def dotted(s):
    return s.replace(" - ", ".").replace(" ", ".").replace("'", "")


def movies():
    for title, year in MOVIES:
        e = {"type": "movie", "title": title, "year": year}
        shapes = [
            f"{title} ({year}).{pick(EXT)}",
            f"{dotted(title)}.{year}.{rel()}.mkv",
            f"{title.lower()} {year}.{pick(EXT)}",
            f"Movies/{title} ({year})/{title} ({year}) [{pick(RES)}].mkv",
            f"{title} {year} {pick(RES)} {pick(SRC)}.mkv",
            f"{dotted(title)}.{year}.{pick(WIDE)}.{pick(VC)}.mkv",
            f"{title} [{year}] {pick(RES)}.mp4",
        ]
        for s in R.sample(shapes, 3):
            add(s, e, "movie")


def subtitled():
    for a, b, year in SUBTITLED:
        e = {"type": "movie", "title": f"{a} {b}", "year": year}
        shapes = [
            f"{a} - {b} ({year}).{pick(EXT)}",
            f"{a} - {b} ({year}) [{pick(RES)}].mkv",
            f"{a.lower()} - {b.lower()} {year}.mp4",
            f"Movies/{a} - {b} ({year})/{a} - {b} ({year}).mkv",
            f"{a} - {b} {year} {pick(RES)} {pick(SRC)} {pick(VC)}.mkv",
            f"{a} - {b} ({year}) {pick(RES)} {pick(SRC)}-{pick(GRP)}.mkv",
        ]
        for s in R.sample(shapes, 4):
            add(s, e, "movie-subtitle")


def ep(show, s, e, title=None):
    x = {"type": "episode", "title": show, "season": s, "episode": [e]}
    if title:
        x["episode_title"] = title
    return x


def episodes():
    for show in SHOWS:
        for _ in range(4):
            s, e = R.randint(1, 9), R.randint(1, 22)
            t = pick(EP_TITLES)
            shapes = [
                (f"{dotted(show)}.S{s:02d}E{e:02d}.{rel()}.mkv", ep(show, s, e)),
                (f"{show} - S{s:02d}E{e:02d} - {t}.mkv", ep(show, s, e, t)),
                (f"{show} {s}x{e:02d} {t}.avi", ep(show, s, e, t)),
                (f"{show.lower()} s{s:02d}e{e:02d}.mp4", ep(show, s, e)),
                (f"{show} S{s:02d} E{e:02d}.mkv", ep(show, s, e)),
                (f"{dotted(show)}.S{s:02d}.E{e:02d}.{pick(RES)}.mkv", ep(show, s, e)),
                (f"{show} - {s}x{e:02d} - {t}.mkv", ep(show, s, e, t)),
                (f"TV Shows/{show}/Season {s}/{show} - S{s:02d}E{e:02d} - {t}.mkv", ep(show, s, e, t)),
                (f"TV/{show}/Season {s:02d}/S{s:02d}E{e:02d}.mkv", ep(show, s, e)),
                (f"{dotted(show)}.S{s:02d}E{e:02d}.{pick(WIDE)}.{pick(VC)}.mkv", ep(show, s, e)),
                (f"{show} S{s:02d}E{e:02d} {pick(WIDE)}.mkv", ep(show, s, e)),
                (f"{show} S{s}.E.{e:02d}.mkv", ep(show, s, e)),
                (f"{show} Season {s} Episode {e}.mp4", ep(show, s, e)),
                (f"{show.lower()} {s}x{e:02d}.avi", ep(show, s, e)),
            ]
            name, x = pick(shapes)
            add(name, x, "episode")


def multi():
    for show in R.sample(SHOWS, 40):
        s, e = R.randint(1, 8), R.randint(1, 20)
        shapes = [
            (f"{dotted(show)}.S{s:02d}E{e:02d}E{e + 1:02d}.{pick(RES)}.{pick(SRC)}.{pick(VC)}-{pick(GRP)}.mkv", [e, e + 1]),
            (f"{show} - S{s:02d}E{e:02d}-E{e + 1:02d}.mkv", [e, e + 1]),
            (f"{show} S{s:02d}E{e:02d}-{e + 2:02d}.mkv", [e, e + 1, e + 2]),
            (f"{show} {s}x{e:02d}-{s}x{e + 1:02d}.avi", [e, e + 1]),
        ]
        name, eps = pick(shapes)
        add(name, {"type": "episode", "title": show, "season": s, "episode": eps}, "multi-episode")


def qualified():
    for written, title, year in QUALIFIED:
        for _ in range(4):
            s, e = R.randint(1, 9), R.randint(1, 20)
            x = {"type": "episode", "title": title, "season": s, "episode": [e]}
            if year:
                x["year"] = year
            shapes = [
                f"{dotted(written)}.S{s:02d}E{e:02d}.{rel()}.mkv",
                f"{written} - S{s:02d}E{e:02d}.mkv",
                f"{written} {s}x{e:02d}.avi",
                f"{written.lower()} s{s:02d}e{e:02d}.mkv",
            ]
            add(pick(shapes), x, "qualified-show")


def spinoffs():
    for a, b in SUBTITLED_SHOWS:
        for _ in range(4):
            s, e = R.randint(1, 5), R.randint(1, 12)
            x = {"type": "episode", "title": f"{a} {b}", "season": s, "episode": [e]}
            shapes = [
                f"{a} - {b} - {s}x{e:02d}.mkv",
                f"{a} - {b} - S{s:02d}E{e:02d}.mkv",
                f"{dotted(a)}.{dotted(b)}.S{s:02d}E{e:02d}.{rel()}.mkv",
                f"{a} - {b} S{s:02d}E{e:02d} {pick(RES)}.mkv",
            ]
            add(pick(shapes), x, "spinoff-show")


def anime():
    for show in ANIME:
        for _ in range(4):
            n = R.choice([R.randint(1, 28), R.randint(100, 1150)])
            x = {"type": "episode", "title": show, "absolute_episode": [n], "season": None}
            w = 4 if n >= 1000 else 3 if n >= 100 else 2
            shapes = [
                f"[{pick(FANSUB)}] {show} - {n:0{w}d} ({pick(RES)}) [{R.randint(0, 0xFFFFFFFF):08X}].mkv",
                f"{show} - {n:0{w}d} [{pick(RES)}].mkv",
                f"[{pick(FANSUB)}] {show} - {n:0{w}d} [{pick(RES)}][HEVC].mkv",
                f"{show} - {n:0{w}d}.mp4",
            ]
            add(pick(shapes), x, "anime")


def daily():
    for show in DAILY:
        for _ in range(3):
            y, m, d = R.randint(2005, 2025), R.randint(1, 12), R.randint(1, 28)
            g = pick(GUESTS)
            x = {"type": "episode", "title": show, "date": f"{y:04d}-{m:02d}-{d:02d}"}
            shapes = [
                f"{dotted(show)}.{y}.{m:02d}.{d:02d}.{dotted(g)}.{pick(RES)}.WEB.h264-{pick(GRP)}.mkv",
                f"{show} - {y}-{m:02d}-{d:02d} - {g}.mkv",
                f"{dotted(show)}.{y}.{m:02d}.{d:02d}.{pick(RES)}.HDTV.x264-{pick(GRP)}.mkv",
                f"{show} {y} {m:02d} {d:02d} {g}.mp4",
            ]
            add(pick(shapes), x, "daily")


def extras():
    for title, year in R.sample(MOVIES, 45):
        kind = pick(["trailer", "sample", "trailer", "featurette"])
        shapes = [
            (f"{title.lower()} {year} {kind}.mp4", {"title": title, "year": year, "extra": kind}),
            (f"{title} ({year}) - {kind.capitalize()}.mkv", {"title": title, "year": year, "extra": kind}),
            (f"{dotted(title)}.{year}.{pick(RES)}.{kind}.mkv", {"title": title, "year": year, "extra": kind}),
            (f"{title} {kind.capitalize()} {year}.mp4", {"title": title, "year": year, "extra": kind}),
            (f"{title} Official {kind.capitalize()} ({year}).mp4", {"title": title, "year": year, "extra": kind}),
        ]
        if kind == "sample":
            shapes.append((f"{dotted(title)}.{year}.{pick(RES)}.BluRay.x264-{pick(GRP)}/Sample/{pick(GRP).lower()}-sample.mkv",
                           {"extra": "sample"}))
        name, x = pick(shapes)
        add(name, x, "extra")


def home():
    for _ in range(40):
        w, p = pick(HOME_WORDS), pick(PLACES)
        mo, y = pick(MONTHS), R.randint(2005, 2025)
        shapes = [
            f"Home movies/{w} {p} {mo} {y}.mov",
            f"{w} {p} {mo} {y}.mp4",
            f"Family/{w} {y}/{w} {p} {mo} {y}.mov",
            f"Videos/{w} at {p} {mo} {y}.m4v",
            f"{w.lower()} {p.lower()} {mo.lower()} {y}.mp4",
        ]
        add(pick(shapes), {"type": "unknown"}, "home-video")


def foreign():
    for show in ES_SHOWS:
        for _ in range(4):
            s, e = R.randint(1, 6), R.randint(1, 16)
            shapes = [
                f"{show} Temporada {s} Capitulo {e}.avi",
                f"{show} - Temporada {s} [HDTV 720p][Cap.{s}{e:02d}][AC3 5.1 Castellano].mkv",
                f"{show} [HDTV][Cap.{s}{e:02d}][Spanish].avi",
                f"{show} {s}x{e:02d} [Castellano].mkv",
                f"Series/{show}/Temporada {s}/{show} - Capitulo {e}.mkv",
            ]
            add(pick(shapes), ep(show, s, e), "spanish")
    for show in IT_SHOWS:
        for _ in range(3):
            s, e = R.randint(1, 6), R.randint(1, 12)
            shapes = [f"{show} Stagione {s} Episodio {e}.mkv", f"{show} S{s:02d}E{e:02d} ITA.mkv",
                      f"{show} - Stagione {s} - Episodio {e:02d}.avi", f"{dotted(show)}.S{s:02d}E{e:02d}.ITA.ENG.{pick(RES)}.WEB-DL.mkv"]
            add(pick(shapes), ep(show, s, e), "italian")
    for show in DE_SHOWS:
        for _ in range(3):
            s, e = R.randint(1, 8), R.randint(1, 12)
            shapes = [f"{show} Staffel {s} Folge {e}.mkv", f"{show} - Staffel {s} Episode {e}.mp4",
                      f"{dotted(show)}.S{s:02d}E{e:02d}.German.{pick(RES)}.WEB.x264-{pick(GRP)}.mkv",
                      f"Serien/{show}/Staffel {s}/{show} - S{s:02d}E{e:02d}.mkv"]
            add(pick(shapes), ep(show, s, e), "german")
    for show in FR_SHOWS:
        for _ in range(3):
            s, e = R.randint(1, 7), R.randint(1, 12)
            shapes = [f"{show} Saison {s} Episode {e}.mkv", f"{show} - Saison {s} - Episode {e:02d}.avi",
                      f"{dotted(show)}.S{s:02d}E{e:02d}.FRENCH.{pick(RES)}.WEB.x264-{pick(GRP)}.mkv",
                      f"Series/{show}/Saison {s}/{show} S{s:02d}E{e:02d}.mkv"]
            add(pick(shapes), ep(show, s, e), "french")
    for latin, cyr in RU_SHOWS:
        for _ in range(4):
            s, e = R.randint(1, 4), R.randint(1, 16)
            shapes = [
                (f"{cyr} \u0421\u0435\u0437\u043e\u043d {s} \u0421\u0435\u0440\u0438\u044f {e}.mkv", ep(cyr, s, e)),
                (f"{cyr} / {latin} S{s:02d}E{e:02d}.mkv", {"type": "episode", "season": s, "episode": [e]}),
                (f"{cyr} / {latin} - {s}x{e:02d} [{pick(RES)}].mkv", {"type": "episode", "season": s, "episode": [e]}),
                (f"{cyr}.S{s:02d}E{e:02d}.{pick(RES)}.WEB-DL.mkv", ep(cyr, s, e)),
            ]
            name, x = pick(shapes)
            add(name, x, "russian")


movies()
subtitled()
episodes()
multi()
qualified()
spinoffs()
anime()
daily()
extras()
home()
foreign()
seen = set()
for c in out:
    if c["input"] in seen:
        continue
    seen.add(c["input"])
    print(json.dumps(c, ensure_ascii=False))
