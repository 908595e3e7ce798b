"""People no lexicon lists: a given name, a rank or a title before a name, and where the name ends."""
from __future__ import annotations

import re
import weakref
from dataclasses import dataclass

from lib.extract.lookup import Found, Hit, entity_index, index_keys, known_at, lookup
from lib.lexicons import Lexicons
from lib.records import Entity
from lib.text.normalize import fold
from lib.text.tokens import Token, clitic_keys, gap_is_space

MAX_PERSON_TOKENS = 4
# A definite nisba rarer than this continues a name as a family name (الطائي); commoner ones are adjectives.
NISBA_RANK = 5_000
# Right after a given name only the most frequent words end the name (رياض الجنة); rarer ones are surnames
# often enough (محمد الأمين).
FIRST_SURNAME_RANK = 3_000
# Further into a name a word rarer than this is a surname still (تيري رود لارسن): the press's foreign names are
# in the frequency list, far down (not a frequent word with a pronoun or an ending, فيصل الحربي شكره, nor a
# definite noun, أيمن الحريري الملياردير).
RARE_SURNAME_RANK = 20_000
# A word with a proclitic ب، ل، ك is an everyday word when what follows it ranks above this.
CLITIC_RANK = 20_000
# After a title a word opens or continues a name unless it ranks above this among everyday words (المدرب يورغن
# كلوب: foreign names are frequent words too; المدرب اللقاء، الرئيس يتحدث are not names).
TITLE_NAME_RANK = 10_000
# A person's one-word surname that is also in the frequency list is taken as their later bare mention only when
# it is rarer than this (أينشتاين 19,002, زيدان 6,374 in the list; الكبير 552, الصغير 929 are everyday words).
SURNAME_RANK = 6_000
# ... and an everyday word this frequent never opens one, even before a given name (عليهم، التي).
TITLE_FIRST_RANK = 1_500
# A word made of ب، ل، ك and an everyday word this frequent is that word with its preposition (بسجن، لقتل).
PREPOSITION_RANK = 5_000
_TRAILING_MARKS = re.compile("[\u064b-\u0652\u0640]+$")
# Definite words with a proclitic preposition never continue a name (بالرياض، للعلوم، والأمن).
_CLITIC_ARTICLE = ("لل", "وال", "بال", "فال", "كال", "ولل", "وبال")
_TITLES_AFTER_RANK = frozenset({"دكتور", "الدكتور", "د", "المهندس", "مهندس", "الركن", "ركن", "طبيب", "الطبيب", "بحري",
                                "البحري", "طيار", "الطيار"})  # العميد بحري، اللواء طيار: the arm after the rank
# Stopwords whose hamza, as written, tells a noun that is also a family name (إمام) from the function word
# they fold to (أمام).
_HAMZA_NOUNS = {"امام": "إمام"}
# Verbal nouns of the derived stems افتعال، استفعال، انفعال (اختلاس، استقبال، انسحاب): everyday words that end a name.
_VERBAL_NOUN_SHAPE = re.compile(r"^(?:ا.ت.ا.|است..ا.|ان..ا.)$")
_IFAL = re.compile(r"^ا..ا.$")  # الإفصاح، الإعلان once folded, after ال: a verbal noun of form IV
# Circumstantial participles of derived stems in the accusative (متضامنا، مستنكرا): after a name, how it was said
# or done (فاعلا is left alone: foreign names are so shaped, غانبولد دامبا).
_ACCUSATIVE_PARTICIPLE = re.compile(r"^(?:مت.{3,}ا|مست.{3,}ا)$")
_TAFIL = re.compile(r"^ت..ي.$")
# Participles (مترابط، مستعد، محاصر once folded): no surname however rare.
_PARTICIPLE_SHAPE = re.compile(r"^(?:مت...+|مست...+|م.ا..)$")  # تعريف، تقرير، تصريح once folded: a verbal noun of form II
_GENERATION_SUFFIXES = frozenset({"جونيور", "جونير", "الابن", "سينيور"})  # after a foreign name: Jr., Sr.
_PASSIVE_FEMININE = re.compile(r"^م..و.ه$")  # مرفوقة، مدعومة، مصحوبة once folded
# Korean family names: the two short syllables after one are the given name (كيم يونغ نام), even an everyday word.
_KOREAN_FAMILIES = frozenset({"كيم", "بارك", "تشوي", "مون", "كانغ", "يون", "هان"})
_PREPOSITION_ARTICLE = ("بال", "وال", "فال", "كال")
_AL_FAMILY = fold("آل")  # the family link (آل سعود); folded it is written like the article ال
_FAMILY_LINKS = frozenset({_AL_FAMILY, "بن", "بنت", "ابن"})
# Words whose hamza tells them from a given name they fold to (تأمر / تامر, اليأس "despair" / إلياس).
_VERB_SPELLINGS = frozenset({"تأمر", "وتأمر", "يأمر", "اليأس", "واليأس", "باليأس", "لليأس"})


@dataclass(frozen=True)
class GivenNames:
    """Given names, and those written with a final ى (مصطفى) to tell the name علي from the preposition على."""

    names: frozenset[str]
    with_alef_maqsura: frozenset[str]

    def has(self, key: str, written: str) -> bool:
        """Is this word a given name as written? على (with ى) is a preposition, علي a name."""
        if key not in self.names:
            return False
        return (key in self.with_alef_maqsura) == _TRAILING_MARKS.sub("", written).endswith("ى")


@dataclass(frozen=True)
class NameWords:
    """Word sets the name rules combine, built once per loaded Lexicons."""

    given: GivenNames
    name_stop: frozenset[str]  # stopwords and roles: they end a name
    before_name: frozenset[str]  # titles, roles and ranks: a name may follow


_NAME_WORDS: "weakref.WeakKeyDictionary[Lexicons, NameWords]" = weakref.WeakKeyDictionary()


def name_words(lex: Lexicons) -> NameWords:
    """The combined word sets of these lexicons."""
    made = _NAME_WORDS.get(lex)
    if made is None:
        made = _NAME_WORDS[lex] = NameWords(
            GivenNames(lex.given_names, lex.given_names_with_alef_maqsura),
            lex.words.stopwords | lex.words.roles,
            lex.words.person_titles | lex.words.roles | lex.words.ranks)
    return made


def given_names(lex: Lexicons) -> GivenNames:
    """The given-name test of these lexicons."""
    return name_words(lex).given


def is_common(key: str, lex: Lexicons) -> bool:
    """An everyday word (or و/ف + one, or a preposition + ال + word): it ends a name and opens none."""
    common = lex.words.common_words
    if key in common or key.startswith(_CLITIC_ARTICLE):
        return True
    if len(key) > 3 and key[0] in "وف" and key[1:] in common:
        return True
    # بمجهود، لراديو: a preposition on a frequent word (names that start so, بوتين، لافروف، are rarely words)
    return len(key) > 4 and key[0] in "بلك" and lex.common_rank.get(key[1:], CLITIC_RANK) < CLITIC_RANK


def _name_word(tok: Token, lex: Lexicons, found: Found) -> bool:
    """Could this word continue a name: a given name, a name link, a surname of this article, or no everyday
    word?"""
    key = tok.key
    if key in lex.given_names or key in lex.function_words["name_link"] or key in found.people_firsts:
        return True
    if key.startswith("ال") and key.endswith("ي") and key not in lex.demonyms \
            and lex.common_rank.get(key, NISBA_RANK) >= NISBA_RANK:
        return True  # الطائي، الجبوري: a family nisba, unless an everyday adjective (الاقتصادي)
    return not is_common(key, lex)


def _w_transliteration(key: str, lex: Lexicons) -> bool:
    """وورلد، ووتش، وودز: a foreign word written with و for its w, not و "and" before a word in و (ووليد، ووزير):
    what follows the first و is no frequent word (ورلد is a rare one) and no given name."""
    rest = key[1:]
    return key.startswith("وو") and len(key) >= 4 and lex.common_rank.get(rest, 10**9) >= _W_WORD_RANK \
        and rest not in lex.given_names and rest not in lex.words.stopwords


_W_WORD_RANK = 20_000  # وزير, ولد, وقت … rank far above: و + one of them is "and …"


def name_run(tokens: list[Token], i: int, text: str, stop: frozenset[str], limit: int, found: Found, *,
             lex: Lexicons, strict: bool = True, common_limit: int = 10**9, continuing: bool = False) -> int:
    """How many tokens from i continue a name: no stopwords, everyday words, adverbs or second person, at most
    limit words. With strict=False everyday words do not end it (a known surname is being matched); after a
    title only words ranked above common_limit do (foreign names are frequent words too: يورغن كلوب).
    continuing: the word before i is already the name's first (a run after a given name)."""
    n, words = 0, 0
    cues = lex.speech_cues
    given = lex.given_names
    links = lex.function_words["name_link"]
    particles = lex.function_words["name_particle"]
    breaks = lex.words.name_breaks
    # كيم يونغ نام: the family name's position (the run may start on it or right after it)
    family = i if i < len(tokens) and tokens[i].key in _KOREAN_FAMILIES else \
        i - 1 if i and tokens[i - 1].key in _KOREAN_FAMILIES else -1
    if family >= 0:
        limit = max(limit, family + 3 - i)
    while i + n < len(tokens) and (words < limit or n and (tokens[i + n].key == _AL_FAMILY and i + n + 1 < len(tokens)
                                                          or tokens[i + n - 1].key == _AL_FAMILY)):
        # (مكتوم بن محمد بن راشد آل مكتوم: a family named after آل closes the name, however long)
        tok = tokens[i + n]
        key = tok.key
        if i + n and not gap_is_space(text, tokens[i + n - 1].end, tok.start) \
                and not (n and text[tokens[i + n - 1].end:tok.start].strip() == "#"):
            break  # a name never runs over punctuation or a line break, not even into its first word (but
            # نادر عصام #عساف: a hashtag on one of its words)
        if n and key[0] != "و" and not key.isdigit() and len(key) > 1 and (
                key not in lex.words.stopwords or name_words(lex).given.has(key, text[tok.start:tok.end])) and (
                tokens[i + n - 1].key in _FAMILY_LINKS and not key.startswith(_CLITIC_ARTICLE)
                or key == "الله" and tokens[i + n - 1].key not in links and tokens[i + n - 1].key not in breaks
                or tokens[i + n - 1].key in particles):
            # آل الشيخ، بن مساعد: whatever follows آل or بن is a family's or a father's name, even a title or
            # an everyday word; دخيل الله، جار الله: a theophoric name goes on through الله; كاثرين دي بولي:
            # after a foreign name's particle comes its next part
            n += 1
            words += key not in links  # بن عبد الله: عبد links like بن and leaves room for the family name
            continue
        if family >= 0 and 0 < i + n - family < 3 and len(key) <= 4 and key[0] not in "وف" \
                and key not in lex.words.stopwords and key not in cues:
            n += 1  # كيم يونغ نام، مون جاي إن: a Korean name has two syllables after the family name, words or not
            words += 1
            continue
        if (n or continuing) and key in particles and i + n + 1 < len(tokens) and words < limit \
                and not any(c in "أإ" for c in text[tok.start:tok.end]) \
                and gap_is_space(text, tok.end, tokens[i + n + 1].start) \
                and tokens[i + n + 1].key not in lex.words.stopwords \
                and lex.common_rank.get(tokens[i + n + 1].key, TITLE_NAME_RANK) >= TITLE_NAME_RANK:
            n += 1  # نونو دا كوستا، فيرجيل فان دايك: a foreign name's particle, then its next part (فإن: "then")
            continue
        if n and key in _GENERATION_SUFFIXES:
            n += 1  # روبرت داوني جونيور: Junior or Senior closes the name it follows
            break
        if n and key in _HAMZA_NOUNS and text[tok.start:tok.end] == _HAMZA_NOUNS[key]:
            n += 1  # عادل إمام: إمام (with hamza below) is a noun and a family name, not أمام "before"
            words += 1
            continue
        if key in stop and not _middle_ali(tokens, i + n, text, lex) or key.isdigit() or len(key) < 2 \
                or key in cues or key in breaks:
            break
        if n and key[0] == "ل" and len(key) > 3 and key[1:] in entity_index(lex=lex).firsts \
                and known_at(tokens, i + n, text, lex=lex):
            break  # سانابريا لبيتيس: ل before a club or a body the lexicons know, no family name
        if key[-1] not in _ARABIC_LETTERS:
            break  # امانبور لـCNN: a word in Latin letters (with or without a clitic) is no part of an Arabic name
        if key[0] in "وف" and (key[1:] in stop or key[1:] in cues or key[1:] in breaks) \
                and not (n and key[0] == "ف" and key[1:] in stop and _last_before_punctuation(tokens, i + n, text)):
            break  # وهو، وقال، ورحمه (but جيمي فالي،: ف and إلى before a comma is no "then to", a name's word)
        if key[0] == "ف" and len(key) >= 6 and key[1] in "يت" and key.endswith(("ان", "ون")) and key not in given:
            break  # باسبعين فيقولان، فيرون: ف and a verb in the dual or plural, no family name
        if key[0] == "ف" and len(key) >= 6 and key.endswith(("ها", "هم", "هما")) and key not in given:
            break  # بوصوفة فتابعها: ف and a verb or noun with a pronoun, no family name
        if key[0] == "و" and key not in links and not (n and _w_transliteration(key, lex)):
            break  # أندي بيرنهام وإيفيت كوبر، إبراهيم ووليد، وشقيقاته: a second person, or "and …"
        if n and any(k in lex.place_cues for k in clitic_keys(key)):
            break  # ماجد الزهراني بمنطقة الطائف
        if key.startswith("ال") and key.endswith(("يه", "يين", "يون") if not n else ("يه", "يين", "يون", "ه")) \
                and key != "الله" and not (i + n > 1 and tokens[i + n - 2].key in ("بن", "بنت")
                                           and key.endswith(("يه", "ه")) and key not in lex.common_rank):
            break  # قاعدة ناصر الجوية، سعد التابعة: a feminine or plural adjective, not a family name (but after
            # a father's name a rare definite word in ية is the family's: عبدالله بن خليفة العطية)
        if key.startswith(_CLITIC_ARTICLE):
            break  # عمرو زكي للزمالك
        compound = (i + n > 0 and f"{tokens[i + n - 1].key} {key}" in given) or (
            i + n + 1 < len(tokens) and f"{key} {tokens[i + n + 1].key}" in given)  # نجم الدين، عبد الرحمن
        if not compound and key.startswith("ال") and key.endswith(("ين", "ون")) and len(key) >= 8:
            break  # أحمد حمودي المنضمين: a plural participle, not a family name
        after_father = n >= 2 and tokens[i + n - 2].key in ("بن", "بنت") and key.startswith("ال") and len(key) > 4 \
            and key not in name_words(lex).before_name and not key.endswith(("ون", "ين", "ات"))
        # (محمد بن عبدالرحمن المخرج: after a father's name a definite word is the family's, even an everyday one)
        if strict and not compound and not after_father and not _name_word(tok, lex, found) \
                and (word_rank(key, lex) or 0) < (min(common_limit, FIRST_SURNAME_RANK) if not n else common_limit
                                                  if not _rare_surname_shape(key, lex)
                                                  else min(common_limit, RARE_SURNAME_RANK)):
            break  # كوندوليزا رايس ستزور، محمد صلاح هدفا: an everyday word ends the name
        written = text[tok.start:tok.end]
        if not n and written.endswith("ة") and key in lex.words.common_words and key not in given and not (
                key.startswith("ال") and lex.common_rank.get(key, NISBA_RANK) >= NISBA_RANK):
            break  # قوات هادي مدعومة: a feminine adjective or noun, not a family name (but فؤاد السنيورة،
            # عبدالله النسور: a rare definite word is one)
        if "\u064b" in written or _possessed(written):
            break  # tanween or a possessive: a noun or an adverb (رسمياً، داراً، شقيقته)
        plain = _TRAILING_MARKS.sub("", written)
        if plain.endswith("ه") and len(key) >= 5 and lex.common_rank.get(key[:-1], CLITIC_RANK) < CLITIC_RANK \
                and key not in given:
            break  # حسني حديثه: an everyday noun with "his", not a family name
        if n and len(key) >= 5 and key[:2] in ("ست", "سن") and key[2] not in "اوي":
            break  # رايس ستزور، سنعمل: a verb in the future (names read ستيفن، ستانلي، سنودن)
        after_given = n or continuing
        if after_given and key not in given and key in lex.common_rank and text[tok.end - 1:tok.end] == "ى":
            break  # إيهود أولمرت التقى: a word in ى (a verb, an elative) ends a name; family names in ى
            # (العيسى، الموسى) are no everyday words
        if after_given and key.startswith("ال") and key.endswith("ات") and len(key) >= 7 and key in lex.common_rank \
                and key not in given:
            break  # وصف عنان وصبري المحادثات: a definite plural noun (المحادثات), not a family name
        if after_given and key.startswith(("لي", "لت", "لن")) and key.endswith("وا") and len(key) >= 6 and key not in given:
            break  # فارس ليضربوا: ل and a verb in the plural ("so that they strike"), not a family name
        if after_given and _PASSIVE_FEMININE.match(key) and key not in given and key not in found.people_firsts:
            break  # السيدة برلسكوني مرفوقة بابنتها: a passive participle (مفعولة), not a family name
        if after_given and key.startswith("ال") and (_VERBAL_NOUN_SHAPE.match(key[2:]) or _IFAL.match(key[2:])
                                                    and not compound) and key in lex.common_rank and key not in given:
            break  # بإمكان هاني الاعتراض: a definite verbal noun (الافتعال، الاستفعال), not a family name
        if after_given and _VERBAL_NOUN_SHAPE.match(key) and key in lex.common_rank and key not in given:
            break  # نفى السيد هاجاييف اختلاس أموال: a verbal noun (افتعال، استفعال، انفعال), not a family name
        if after_given and _present_verb(key, lex):
            break  # دوتيرتي يلوح بفرض: a verb in the present after a name
        if n and len(key) >= 6 and text[tok.start:tok.end].rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652").endswith("يه") \
                and key not in given and key[:-2] in lex.common_rank:
            break  # فيرناندو توريس زميليه: a dual or plural noun with "his" (زميليه), not a family name
        if after_given and _future_verb(key, lex):
            break  # نيمار سيحتاج: سي and a present verb (يحتاج) is the future; سيلفا، سيمون read no verb
        if key[0] in "بكل" and len(key) >= (4 if key[0] == "ل" else 5) and key not in given \
                and key not in found.people_firsts and (lex.common_rank.get(key[1:], CLITIC_RANK) < FIRST_SURNAME_RANK * 2
                                                      or key.endswith("ات") and len(key) >= 6
                                                      and (key[1:] in lex.common_rank or key[1:-2] + "ه" in lex.common_rank)):
            break  # بدر بإجمالي، كيليطو لأدب، الهلالي بنبرات: a preposition on an everyday word, no family name
        if n and len(key) <= 4 and key not in given and key in lex.common_rank and i + n + 1 < len(tokens) \
                and tokens[i + n + 1].key[:1].isdigit() and gap_is_space(text, tok.end, tokens[i + n + 1].start):
            break  # مايويذر خاض 50 نزالا، سجل 3 أهداف: a short everyday word before a count is a verb, no surname
        if n and len(key) >= 5 and key[0] in "بك" and key.endswith("ه") and key not in given \
                and lex.common_rank.get(key[1:], CLITIC_RANK) < CLITIC_RANK:
            break  # سلام شاكر بتوصية من المدرب: ب and an everyday noun in ة ("on the recommendation"), no surname
        if _inflected_word(key, lex):
            break  # معاوية جيشا، زيان أكثرهم، عبد الحفيظ لشرح: an everyday word inflected, not a surname
        if after_given and _ACCUSATIVE_PARTICIPLE.match(key) and key not in given and key not in found.people_firsts \
                and "\u064b" not in written[:-1]:
            break  # جمال ناصر البدر شارحا، طالباني متضامنا: how he spoke or acted, no family name
        if after_given and key[0] == "ل" and len(key) >= 5 and key[1:] in lex.common_rank and key not in lex.common_rank \
                and key not in given and key not in found.people_firsts:
            break  # شون لفيضان، عبد الفتاح ليعوض: ل ("for", "to") on an everyday word, no family name
        n += 1
        if key not in links:
            words += 1  # بن، آل، عبد link the parts of one name and do not count
    while n and (tokens[i + n - 1].key in links or tokens[i + n - 1].key in particles):
        n -= 1
    return n


def _rare_surname_shape(key: str, lex: Lexicons) -> bool:
    """Could a rare everyday word be a surname by its shape: no article, no و on a word in و (ووديع), no
    participle (مترابط، محاصر), pronoun or verb ending (شكره، مرماه، سيطروا), no preposition on a word (لغزو), no
    adjective in ي of a word (لساني)?"""
    return len(key) > 3 and not key.startswith("وو") and not _PARTICIPLE_SHAPE.match(key) \
        and not key.startswith("ال") and not (key[-1] in "هاة" and key[:-1] in lex.common_rank) \
        and not key.endswith(("وا", "اه", "ها", "هم")) and not (key[0] in "لبك" and key[1:] in lex.common_rank) \
        and not (key.endswith("ي") and key[:-1] in lex.common_rank)


def _last_before_punctuation(tokens: list[Token], k: int, text: str) -> bool:
    """Is token k, written without ى or hamza, followed by punctuation? A preposition (على، إلى) never is: its
    noun follows it, so such a word is a name's (أنور أولاد علي، جيمي فالي،)."""
    written = text[tokens[k].start:tokens[k].end]
    return not any(c in "ىأإ" for c in written) and k + 1 < len(tokens) \
        and text[tokens[k].end:tokens[k + 1].start].strip()[:1] in ("،", ",", "؛", ";", ")")


def _middle_ali(tokens: list[Token], k: int, text: str, lex: Lexicons) -> bool:
    """صالح علي الصماد: علي (written with ي) inside a name, before a word that is no everyday word, is the
    father's name, not the preposition على; so is علي closing a name before a comma (أنور أولاد علي،)."""
    if tokens[k].key != "علي" or not text[tokens[k].start:tokens[k].end].endswith("ي") or k + 1 >= len(tokens):
        return False
    if _last_before_punctuation(tokens, k, text):
        return k > 0 and gap_is_space(text, tokens[k - 1].end, tokens[k].start)
    if not gap_is_space(text, tokens[k].end, tokens[k + 1].start):
        return False
    nxt = tokens[k + 1].key
    return len(nxt) > 2 and nxt[0] not in "وف" and not is_common(nxt, lex) and nxt not in lex.words.stopwords


def _present_verb(key: str, lex: Lexicons) -> bool:
    """ينبذ، يعتبر: يـ on an everyday word (نبذ) is a verb in the present, no name after a title (مجتمعنا المحافظ
    ينبذ); given names so made (يزيد، ياسر) are listed."""
    if len(key) >= 6 and key[0] in "يت" and key.endswith(("ان", "ون")) and key not in lex.given_names \
            and lex.common_rank.get(key[:-2], CLITIC_RANK) < CLITIC_RANK and not key.endswith("يون"):
        return True  # يستحقان، يقولون: the dual or plural of a frequent present verb (يمنيون: a nisba)
    if not 4 <= len(key) <= 6 or key[0] != "ي" or key in lex.given_names:
        return False
    rank = lex.common_rank.get(key[1:])
    return rank is not None and (len(key) == 4 or rank < PREPOSITION_RANK)  # a three-letter root: any word


def verb_after_name(key: str, lex: Lexicons) -> bool:
    """Is the word a verb in the present or the future (يتحدرون، سيحتاج), which ends a name it follows?"""
    return _present_verb(key, lex) or _future_verb(key, lex)


def _future_verb(key: str, lex: Lexicons) -> bool:
    """سيحتاج، سيغيب، سيحاكم: سـ and a present verb in يـ whose form or stem is an everyday word (a name read so,
    سيلفا، سيمون, is no verb)."""
    return len(key) >= 5 and key[:2] == "سي" and key not in lex.given_names and (
        lex.common_rank.get(key[1:], CLITIC_RANK) < CLITIC_RANK
        or len(key) >= 6 and lex.common_rank.get(key[2:], TITLE_NAME_RANK) < TITLE_NAME_RANK)


def _future_verb_other_person(key: str, lex: Lexicons) -> bool:
    """ستتقدم، سنعمل: سـ on a frequent present verb in تـ or نـ opens no name (ستيفن، ستانلي: no frequent word
    after the س)."""
    return len(key) >= 5 and key[:2] in ("ست", "سن") and key not in lex.given_names \
        and (lex.common_rank.get(key[1:], TITLE_NAME_RANK) < TITLE_NAME_RANK
             or len(key) >= 5 and lex.common_rank.get(key[2:], TITLE_NAME_RANK) < TITLE_NAME_RANK)


def _preposition_on_feminine_noun(key: str, lex: Lexicons) -> bool:
    """لملاحقة، لمتابعة: ل on an everyday noun in ة ("to pursue"), no first name (لطيفة is a given name)."""
    return len(key) > 5 and key[0] == "ل" and key.endswith("ه") and key not in lex.given_names \
        and lex.common_rank.get(key[1:], CLITIC_RANK) < CLITIC_RANK


def _inflected_word(key: str, lex: Lexicons) -> bool:
    """An everyday word with an accusative ا (جيشا، عزما), a pronoun (أكثرهم، بعضهما) or the preposition ل
    (لشرح): it follows a name in a sentence but is no part of it."""
    common = lex.words.common_words
    if key in lex.given_names:
        return False
    if len(key) >= 6 and key.endswith("يا") and key[:-1] in common \
            and lex.common_rank.get(key[:-1], CLITIC_RANK) < min(PREPOSITION_RANK * 3, lex.common_rank.get(key, CLITIC_RANK)):
        return True  # قضائيا، رسميا: an adjective in ي made an adverb (a name in يا is no commoner word's form)
    if len(key) >= 4 and key.endswith("ا") and not key.endswith(("يا", "ا ا")) and key[:-1] in common \
            and lex.common_rank.get(key[:-1], CLITIC_RANK) < lex.common_rank.get(key, CLITIC_RANK):
        return True  # (a foreign name in ا is commoner than the word it would inflect: كوستا, not كوست)
    for suffix in ("هما", "هم", "هن"):
        if len(key) > len(suffix) + 2 and key.endswith(suffix) and key[:-len(suffix)] in common:
            return True
    if len(key) == 4 and key.endswith("ت") and lex.common_rank.get(key[:-1], CLITIC_RANK) < 5_000:
        return True  # هيفاء صنعت: a verb in the past with her ت (names so made, رفعت، حكمت, are given names)
    return len(key) == 4 and key[0] == "ل" and key[1:] in common and lex.common_rank.get(key[1:], CLITIC_RANK) < 5_000


def _person_id(name_key: str) -> str:
    return "person:" + name_key.replace(" ", "_")


def _title_length(tokens: list[Token], i: int, lex: Lexicons) -> int:
    """Tokens of a title at i (رئيس الوزراء، الرئيس، المدرب), and 0 when none stands there."""
    titles = lex.words.person_titles
    key = tokens[i].key
    key = key[1:] if key[0] in "وف" and key not in titles and key[1:] in titles else key
    if key not in titles and key.startswith(_PREPOSITION_ARTICLE) and "ال" + key[3:] in titles:
        key = "ال" + key[3:]  # بالرئيس، والسيد
    elif key not in titles and key.startswith("لل") and "ال" + key[2:] in titles:
        key = "ال" + key[2:]  # للسيد برلسكوني: a title with the preposition ل
    if i + 1 < len(tokens) and f"{key} {tokens[i + 1].key}" in titles:
        return 2
    return 1 if key in titles else 0


def _descriptors(tokens: list[Token], k: int, text: str, definite_title: bool, lex: Lexicons) -> int:
    """Words after a title that describe its holder: how many. After رئيس، وزير (a title without ال) one
    definite noun first (رئيس الحكومة، وزير الخارجية) or a genitive place (وزير خارجية قطر); then adjectives
    (الأفغاني، اللبنانية، السابق). A definite title (الرئيس، المدرب) takes adjectives only, so المدرب اللقاء
    is a coach and his match, not a name."""
    n = 0
    while n < 3 and k + n < len(tokens) and gap_is_space(text, tokens[k + n - 1].end, tokens[k + n].start):
        key = tokens[k + n].key
        if key.startswith("ال") and (key in lex.demonyms or key.endswith(("ي", "يه")) or key in _AFTER_TITLE):
            n += 1
            continue
        if not n and not definite_title and key.startswith("ال") and is_common(key, lex):
            n += 1  # رئيس الحكومة
            continue
        nxt = k + n + 1
        if not n and not definite_title and key in lex.place_cues and nxt + 1 < len(tokens) \
                and tokens[nxt].key not in lex.given_names and tokens[nxt + 1].key in lex.given_names \
                and gap_is_space(text, tokens[nxt].end, tokens[nxt + 1].start):
            n += 2  # حاكم مقاطعة شينكاي محمد قاسم خان: the district's name, then the governor's
            continue
        if not n and not definite_title and nxt < len(tokens) and is_common(key, lex) \
                and index_keys(tokens[nxt].key, lex=lex)[0]:
            m, ents, _, _ = lookup(tokens, nxt, text, lex=lex)
            if m and all(e.entity_type == "place" or e.kind == "state" for e in ents):
                n += 1 + m  # وزير خارجية قطر
                continue
        break
    return n


# Definite words that describe a title's holder without being a nisba (الأمين العام، الرئيس السابق).
_AFTER_TITLE = frozenset({"السابق", "السابقه", "الاسبق", "العام", "العامه", "الاول", "الاولي", "الثاني", "الحالي",
                          "الحاليه", "الجديد", "الجديده", "الراحل", "الراحله", "المخضرم", "الشهير", "الشهيره",
                          "الشاب", "الشابه", "البارز", "البارزه", "المعروف", "المعروفه", "الدولي", "السابقين"})


def person_at(tokens: list[Token], i: int, text: str, found: Found, *, lex: Lexicons) -> int:
    """A person's name at token i (a known name of this article, a given name, a rank or a title then a name),
    registered in found; returns the tokens used (a title's only, when a known name follows it), or 0."""
    given = given_names(lex)
    ranks = lex.words.ranks
    stop = name_words(lex).name_stop
    tok = tokens[i]
    # A surname (or longer suffix) of someone this article already named: وقال الراوي …
    for n in (3, 2, 1) if tok.key in found.people_firsts else ():
        key = tuple(t.key for t in tokens[i:i + n])
        if len(key) == n and key in found.people and \
                name_run(tokens, i, text, frozenset(), n, found, lex=lex, strict=False) == n:
            _add_person(found, text, tokens, i, i + n, tokens[i].start, found.people[key], None)
            return n
    written = text[tok.start:tok.end]
    if "\u064b" in written:
        return 0  # tanween: داراً is "a house", not the name Dara
    if i and any(k in _AREA_CUES for k in clitic_keys(tokens[i - 1].key)) \
            and gap_is_space(text, tokens[i - 1].end, tok.start):
        return 0  # بمحافظة بدر، ولاية حمزة: the word after an area's cue is the area's name, not a person's
    if i and tokens[i - 1].key in ("بن", "بنت") and gap_is_space(text, tokens[i - 1].end, tok.start):
        return 0  # تركي بن عبد الله (in a mosque's name): a father's name inside a name no rule read, no one alone
    first = tok.key[1:] if tok.key[0] == "و" and (given.has(tok.key[1:], written) or tok.key[1:] in ranks) \
        else tok.key
    if tok.key[0] == "ل" and len(tok.key) > 3 and not given.has(tok.key, written) \
            and given.has(tok.key[1:], written[1:]) and not is_common(tok.key[1:], lex) \
            and i + 1 < len(tokens) and gap_is_space(text, tok.end, tokens[i + 1].start) \
            and (tokens[i + 1].key in given.names or not is_common(tokens[i + 1].key, lex)):
        first, written = tok.key[1:], written[1:]  # ديوان «الينبوع» لأحمد زكي أبو شادي: ل ("by") on a first name
    skip = len(tok.key) - len(first)
    rank_len = 0
    if first in ranks:
        rank_len = 1
        if i + 1 < len(tokens) and f"{first} {tokens[i + 1].key}" in ranks:
            rank_len = 2
    while rank_len and i + rank_len + 1 < len(tokens) and tokens[i + rank_len].key in _TITLES_AFTER_RANK:
        rank_len += 1  # العقيد دكتور عاطي بن عطية، اللواء المهندس …: a second title before the name
    if not rank_len and first in lex.words.weak_ranks and i + 1 < len(tokens) and \
            given.has(tokens[i + 1].key, text[tokens[i + 1].start:tokens[i + 1].end]):
        rank_len = 1
    if rank_len and known_at(tokens, i + rank_len, text, lex=lex):
        return rank_len  # المشير خليفة حفتر: the lexicon knows the name that follows; let it match
    if rank_len:
        k = i + rank_len
        if k >= len(tokens) or not gap_is_space(text, tokens[k - 1].end, tokens[k].start) \
                or tokens[k].key.startswith("ال") and tokens[k].key in lex.demonyms:
            return 0  # الشيخ (الفلسطيني محمد …): punctuation or a nationality after the rank, not a name's first word
        compound = k + 1 < len(tokens) and f"{tokens[k].key} {tokens[k + 1].key}" in given.names
        # العميد الركن الأمين يوسف إبراهيم: after a rank even an everyday word opens a name before a given one
        # ... and before بن (اللواء سفر بن أحمد الغامدي): a father's name follows a first name
        before_given = k + 1 < len(tokens) and (tokens[k + 1].key in given.names or tokens[k + 1].key in ("بن", "بنت")) \
            and gap_is_space(text, tokens[k].end, tokens[k + 1].start)
        if k < len(tokens) and (compound or before_given or given.has(tokens[k].key, text[tokens[k].start:tokens[k].end])
                                or _name_word(tokens[k], lex, found)):
            n = 1 + name_run(tokens, k + 1, text, stop, 3 if tokens[k + 1].key in ("بن", "بنت") else 2, found, lex=lex,
                             continuing=True) if before_given \
                else name_run(tokens, k, text, stop, 3, found, lex=lex)
            if n >= 1:
                return rank_len + add_new_person(found, text, tokens, k, k + n, lex=lex)
        return 0
    if i and tokens[i - 1].key in ("بني", "بنو") and gap_is_space(text, tokens[i - 1].end, tok.start):
        return 0  # بني مازن، بنو تميم: a tribe or a place named after one, not a person
    if written in _VERB_SPELLINGS:
        return 0  # تأمر ("she orders"), not the name Tamer
    if given.has(first, written) and not _opens_name(tokens, i, first, text, found, lex=lex):
        return 0  # حسن استخدام، سعيد بعودتي، علي المستوى: an adjective or a preposition here, not a name
    if first in ("ابو", "ام") and not _kunya(tokens, i, first, text, lex=lex):
        return 0  # أم = "or", أم القرى، أبو ظبي: no kunya here
    compound_first = i + 1 < len(tokens) and f"{first} {tokens[i + 1].key}" in given.names \
        and given.has(f"{first} {tokens[i + 1].key}", text[tokens[i + 1].start:tokens[i + 1].end]) \
        and gap_is_space(text, tok.end, tokens[i + 1].start)  # زين العابدين بن علي (not بن على: "on")
    if given.has(first, written) or compound_first or (first in ("ابو", "ام") and i + 1 < len(tokens)):
        n = 1 + name_run(tokens, i + 2, text, stop, MAX_PERSON_TOKENS - 1, found, lex=lex, continuing=True) \
            if compound_first and not given.has(first, written) \
            else name_run(tokens, i + 1, text, stop, MAX_PERSON_TOKENS - 1, found, lex=lex,
                          continuing=True)  # عبد الله خضير زبار العلواني
        if all(t.key in given.names for t in tokens[i + 1:i + 1 + n]):
            # الملك محمد السادس، الحسن الثاني، خوان كارلوس الأول (after a family name an ordinal is a rank:
            # فرناندو غونزاليز العاشر)
            n += regnal_ordinal(tokens, i + 1 + n, text)
        if n >= 1 and first in ("ابو", "ام") and _kunya_nisba(tokens, i + 1 + n, text, lex):
            n += 1  # أبو حمزة المصري، أبو محمد الجولاني: a kunya's nisba names the man, it is no adjective
        if n >= 1:
            if not skip and n < MAX_PERSON_TOKENS - 1 and _foreign_first_before(tokens, i, text, found, lex=lex):
                used = add_new_person(found, text, tokens, i - 1, i + 1 + n, lex=lex)
                return used - 1 if used else 0  # جوسيب ماريا بارتوميو: a first name no list knows
            return add_new_person(found, text, tokens, i, i + 1 + n, skip, lex=lex)
    return 0


# Ordinals after a sovereign's or pope's name (محمد السادس، عبد الله الثاني، ألفونسو الثالث عشر): part of it.
_ORDINALS = frozenset({"الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع",
                       "العاشر", "الحادي"})


def regnal_ordinal(tokens: list[Token], k: int, text: str) -> int:
    """The tokens of an ordinal right after a name (السادس; الثالث عشر), or 0."""
    if k >= len(tokens) or tokens[k].key not in _ORDINALS or not gap_is_space(text, tokens[k - 1].end,
                                                                             tokens[k].start):
        return 0
    if k + 1 < len(tokens) and tokens[k + 1].key == "عشر" and gap_is_space(text, tokens[k].end, tokens[k + 1].start):
        return 2
    return 0 if tokens[k].key == "الحادي" else 1


def _foreign_first_before(tokens: list[Token], i: int, text: str, found: Found, *, lex: Lexicons) -> bool:
    """Is the word right before the given name at i a first name no list knows (جوسيب ماريا بارتوميو): no
    everyday word, function word, title, known name or demonym, no pronoun on it, not already read?"""
    if not i or not gap_is_space(text, tokens[i - 1].end, tokens[i].start) \
            or found.hits and found.hits[-1].j >= i:
        return False
    key = tokens[i - 1].key
    written = text[tokens[i - 1].start:tokens[i - 1].end]
    return len(key) >= 4 and key[0] in _ARABIC_LETTERS and key[0] not in "وف" and not key.startswith("ال") \
        and key not in lex.common_rank and not is_common(key, lex) and key not in lex.words.stopwords \
        and key not in lex.speech_cues and key not in name_words(lex).before_name and key not in lex.demonyms \
        and not key.endswith(("ها", "هم", "هما", "كم", "نا")) and "\u064b" not in written \
        and not index_keys(key, lex=lex)[0] and not _preposition_on_word(key, lex) \
        and not _future_verb(key, lex) and not _present_verb(key, lex) \
        and not (written.endswith("ه") and key[:-1] in lex.common_rank) and not _possessed(written) \
        and not (key[0] in "بلك" and lex.common_rank.get(key[1:], TITLE_NAME_RANK) < TITLE_NAME_RANK) \
        and not (i > 1 and any(k in lex.place_cues or k in _AREA_CUES for k in clitic_keys(tokens[i - 2].key))) \
        and not (i > 1 and tokens[i - 2].key in ("ما", "لما", "مما", "بما", "كما")) \
        and not (key.endswith("ه") and key[:-1] in lex.speech_cues)
    # (حاكم مقاطعة شينكاي محمد قاسم خان: a word after a place cue is the place's name, not a first name; الذي
    # سيخلف خوان مانويل: a verb; موكله كريم، ببطولته عمرو سعد: a possessed noun; قامت بأسر: a preposition on a
    # noun; لما أعلنه ناصر الحاسي: a verb after ما, or a reporting verb with its object pronoun)


# Words of an administrative area (مقاطعة، ولاية، محافظة): the word after one is the area's name.
_AREA_CUES = frozenset({"مقاطعه", "ولايه", "محافظه", "مديريه", "اقليم", "بلديه", "اماره"})


_NISBAS: "weakref.WeakKeyDictionary[Lexicons, frozenset[str]]" = weakref.WeakKeyDictionary()


def definite_nisbas(lex: Lexicons) -> frozenset[str]:
    """الفنلندي، البلجيكية، والفرنسي، للكيني: the definite demonyms of these lexicons, bare or with و، ف، لل (built
    once)."""
    made = _NISBAS.get(lex)
    if made is None:
        plain = [d for d in lex.demonyms if d.startswith("ال") and d.endswith(("ي", "يه"))]
        # والفرنسي ليليان تورام، للكيني كيبلاغات: و، ف or لل on the demonym before the name
        made = _NISBAS[lex] = frozenset(plain + ["و" + d for d in plain] + ["ف" + d for d in plain]
                                        + ["ل" + d[1:] for d in plain] + ["ول" + d[1:] for d in plain])
    return made


def demonym_person_at(tokens: list[Token], i: int, text: str, found: Found, *, lex: Lexicons) -> int:
    """الفنلندي ماركوس غرونهولم، البلجيكي كزافييه ماليس: after a demonym, two or more words that are no everyday
    words name a person (sports and world news introduce foreigners so). Returns the tokens used, or 0."""
    key = tokens[i].key
    if not gap_is_space(text, tokens[i - 1].end, tokens[i].start) or len(key) < 3 or key[0] not in _ARABIC_LETTERS \
            or key.startswith("ال") or lex.common_rank.get(key, TITLE_NAME_RANK) < TITLE_NAME_RANK \
            or key in lex.words.stopwords or key in lex.speech_cues or key in lex.demonyms \
            or _preposition_on_word(key, lex) or _possessed(text[tokens[i].start:tokens[i].end]) \
            or key[0] in "وف" and is_common(key[1:], lex) or _future_verb_other_person(key, lex):
        return 0  # القوات التركية ستتقدم: a verb after the adjective, no foreign name
    n = name_run(tokens, i, text, name_words(lex).name_stop, 3, found, lex=lex, common_limit=TITLE_NAME_RANK)
    if n < 2 or _present_verb(key, lex) or any(len(t.key) >= 5 and (t.key.endswith("ات") or text[t.start:t.end].endswith("ية"))
                                                for t in tokens[i:i + n]):
        return 0  # السعودية اتفاقات تعاونية: a plural noun or an adjective in ـية, no foreign name (كزافييه is one)
    return add_new_person(found, text, tokens, i, i + n, lex=lex)


def particle_name_at(tokens: list[Token], i: int, text: str, found: Found, *, lex: Lexicons) -> int:
    """أنخل دي ماريا، فيرجيل فان دايك: a word that is no everyday word before a foreign name's particle and the
    name's next part is a person's name, whatever the gazetteer says the first word is (انخل, a town). Returns
    the tokens used, or 0."""
    if i + 2 >= len(tokens) or tokens[i + 1].key not in lex.function_words["name_particle"]:
        return 0
    key = tokens[i].key
    if len(key) < 3 or key[0] not in _ARABIC_LETTERS or key in lex.words.stopwords or key.startswith("ال") \
            or (is_common(key, lex) and key not in lex.given_names) \
            or not gap_is_space(text, tokens[i].end, tokens[i + 1].start):
        return 0
    m, ents, _, _ = lookup(tokens, i, text, lex=lex)
    if m and (m > 1 or any(e.entity_type == "actor" for e in ents)):
        return 0  # أورسولا فون دير لاين: the lexicon knows this name; let it match
    n = name_run(tokens, i + 1, text, name_words(lex).name_stop, 3, found, lex=lex)
    if n < 2:
        return 0  # a particle alone after a word: no name
    return add_new_person(found, text, tokens, i, i + 1 + n, lex=lex)


def _kunya_nisba(tokens: list[Token], k: int, text: str, lex: Lexicons) -> bool:
    """Is token k, right after a kunya's name, a definite nisba of a people or a place (المصري، التركي)?"""
    return k < len(tokens) and gap_is_space(text, tokens[k - 1].end, tokens[k].start) \
        and tokens[k].key.startswith("ال") and tokens[k].key.endswith("ي") and tokens[k].key in lex.demonyms


def _kunya(tokens: list[Token], i: int, first: str, text: str, *, lex: Lexicons) -> bool:
    """أبو محمد، أبو بكر البغدادي، أم كلثوم: أبو/أم then a given name (or, after أبو, a word that is no everyday
    one)."""
    if i + 1 >= len(tokens) or not gap_is_space(text, tokens[i].end, tokens[i + 1].start):
        return False
    key = tokens[i + 1].key
    if key in lex.given_names:
        return True
    return first == "ابو" and not is_common(key, lex) and not key.isdigit()


def _opens_name(tokens: list[Token], i: int, first: str, text: str, found: Found, *, lex: Lexicons) -> bool:
    """Does a given name that is also an everyday word (حسن، سعيد) or a preposition (علي = على) open a name here?"""
    if first not in lex.words.ambiguous_given_names and first != "علي":
        return True
    nxt = tokens[i + 1] if i + 1 < len(tokens) and gap_is_space(text, tokens[i].end, tokens[i + 1].start) else None
    prev = tokens[i - 1].key if i else ""
    titles = name_words(lex).before_name
    if any(k in lex.speech_cues or k in titles or k in lex.function_words["name_link"] for k in (prev, prev[1:])):
        return nxt is None or not is_common(nxt.key, lex) or nxt.key in lex.given_names or first != "علي"
    if nxt is None:
        return False
    key = nxt.key
    if key in lex.given_names or key in lex.function_words["name_link"] or key in found.people_firsts \
            or key in _HAMZA_NOUNS and text[nxt.start:nxt.end] == _HAMZA_NOUNS[key]:
        return True
    if first == "علي" and len(key) > 4 and key.endswith(("ات", "ين", "ون", "نا", "هم", "ها", "كم")):
        return False  # علي شعوبنا، علي ايضاحات: a preposition before a plural or a pronoun-suffixed noun
    if known_at(tokens, i + 1, text, lex=lex):
        return False  # علي لبنان: a preposition before a known name
    return not is_common(key, lex) and not key.isdigit()


def title_person_at(tokens: list[Token], i: int, text: str, found: Found, *, lex: Lexicons) -> int:
    """A name after a title and its descriptors (الرئيس الأفغاني حميد كرزاي، المدرب يورغن كلوب): tokens used up
    to the end of the name, the title's alone when a known name follows, or 0."""
    t = _title_length(tokens, i, lex)
    if not t:
        return 0
    k = i + t
    if k >= len(tokens) or not gap_is_space(text, tokens[k - 1].end, tokens[k].start):
        return 0
    k += _descriptors(tokens, k, text, tokens[i].key.startswith(("ال", "لل", *_PREPOSITION_ARTICLE)), lex)
    if k >= len(tokens) or not gap_is_space(text, tokens[k - 1].end, tokens[k].start):
        return 0
    if known_at(tokens, k, text, lex=lex):
        return k - i  # الرئيس السوري بشار الأسد: the lexicon's name follows
    key = tokens[k].key
    given = given_names(lex)
    if given.has(key, text[tokens[k].start:tokens[k].end]) or key in lex.words.ranks:
        return k - i  # a given name or a rank: the next step reads the name
    if _possessed(text[tokens[k].start:tokens[k].end]):
        return 0  # وزير خارجيته: "his foreign minister", no name
    if _two_word_name_after_title(tokens, k, text, lex=lex):
        n = 1 + name_run(tokens, k + 1, text, name_words(lex).name_stop, 2, found, lex=lex,
                         common_limit=TITLE_NAME_RANK, continuing=True)
        return (k - i) + add_new_person(found, text, tokens, k, k + n, lex=lex)
    if key in lex.words.stopwords or key.isdigit() or len(key) < 3 or key.startswith("ال") \
            or lex.common_rank.get(key, TITLE_NAME_RANK) < TITLE_NAME_RANK or (is_common(key, lex) and
                                                                        key not in lex.common_rank) \
            or key in lex.speech_cues or key in lex.demonyms or key[0] not in _ARABIC_LETTERS \
            or _preposition_on_word(key, lex) or _present_verb(key, lex) \
            or _preposition_on_feminine_noun(key, lex) or _future_verb_other_person(key, lex) or _future_verb(key, lex):
        return 0  # (الذي سيخلف خوان مانويل سانتوس: a verb in the future, then the name)
    n = name_run(tokens, k, text, name_words(lex).name_stop, 3, found, lex=lex, common_limit=TITLE_NAME_RANK)
    if n == 1 and _plural_or_accusative(key, lex):
        return 0  # الوزير إيضاحات، اللاعب محبباً: a plural noun or an adverb after the title, no one's name
    nxt = tokens[k + n].key if k + n < len(tokens) else ""
    if not n or (n == 1 and is_common(key, lex) and not (nxt in lex.words.name_breaks and nxt.endswith("ا"))
                 and not _future_verb(nxt, lex)):
        # المدرب يثق، الرئيس لخروج: one everyday word after a title is no name, unless a circumstantial
        # participle follows it (المدرب كلوب مازحا: the rare word is the coach's name)
        return 0
    return (k - i) + add_new_person(found, text, tokens, k, k + n, lex=lex)


def _plural_or_accusative(key: str, lex: Lexicons) -> bool:
    """إيضاحات، استهجانا، محببا: an indefinite feminine plural, or an everyday word with the accusative ا (a
    name alone after a title is neither; كوستا، دونغا: no everyday word before the ا)."""
    if key in lex.given_names or key.startswith("ال"):
        return False
    if len(key) >= 6 and key.endswith("ات"):
        return True
    return len(key) >= 5 and key.endswith("ا") and key[:-1] in lex.words.common_words


def _two_word_name_after_title(tokens: list[Token], k: int, text: str, *, lex: Lexicons) -> bool:
    """الرئيس صدام حسين، المندوب الإسرائيلي دان غيلرمان: after a title an everyday word opens a name when the word
    after it is a given name or no everyday word at all (الرئيس دعا أمس، الرئيس حذر واشنطن are no names)."""
    if k + 1 >= len(tokens) or not gap_is_space(text, tokens[k].end, tokens[k + 1].start):
        return False
    key, nxt = tokens[k].key, tokens[k + 1].key
    first_written = _TRAILING_MARKS.sub("", text[tokens[k].start:tokens[k].end])
    if key in lex.words.stopwords or key in lex.speech_cues or key.startswith(("ال", *_CLITIC_ARTICLE)) \
            or len(key) < 3 or key[0] not in _ARABIC_LETTERS or lex.common_rank.get(key, 0) < TITLE_FIRST_RANK \
            or key in lex.demonyms or _possessed(first_written) or first_written.endswith(("ه", "هم", "ها")):
        return False  # الحكم عليهم بإزهاق، لاعب وسطه نغولو، الرئيس للاتفاقية: a function word, a possessed noun, a preposition on ال
    if nxt[0] in "بلك" and len(nxt) > 4 and nxt[1:] in lex.common_rank:
        return False
    if _TAFIL.match(key) and key in lex.common_rank and key not in lex.given_names:
        return False  # الباحثة تعريف عبد الفتاح: a verbal noun (تفعيل) before a name, not its first word
    if _preposition_on_word(key, lex) or _preposition_on_feminine_noun(key, lex) \
            or _future_verb_other_person(key, lex) or _future_verb(key, lex):
        return False  # الحكم بسجن رادوفان كراديتش: "by jailing", not a first name (الحكم is also a referee)
    if _plural_or_accusative(nxt, lex) and nxt not in lex.given_names:
        return False  # التنظيم الإرهابي بات محاصرا: a verb and its accusative predicate, no name
    if nxt in ("بن", "بنت"):
        return True  # الدكتور هادي بن علي اليامي: a father's name follows
    if nxt in lex.words.stopwords or nxt in lex.speech_cues or len(nxt) < 3 or nxt[0] not in _ARABIC_LETTERS \
            or nxt.startswith(_CLITIC_ARTICLE) or known_at(tokens, k + 1, text, lex=lex):
        return False
    written = text[tokens[k + 1].start:tokens[k + 1].end]
    if "\u064b" in written or _possessed(written):
        return False
    return given_names(lex).has(nxt, written) or not is_common(nxt, lex) and nxt not in lex.demonyms \
        and not (nxt.startswith("ال") and nxt.endswith(("ي", "يه")))


def _preposition_on_word(key: str, lex: Lexicons) -> bool:
    """بسجن، لقتل، كرئيس: ب، ل or ك on a frequent everyday word, never a first name."""
    return key[0] in "بلك" and len(key) > 3 and lex.common_rank.get(key[1:], CLITIC_RANK) < PREPOSITION_RANK


def _possessed(written: str) -> bool:
    """A noun with a possessive pronoun as written (خارجيته، حكومتها، قواتهم، بإنزاله، لتعرضهم): never a name."""
    plain = _TRAILING_MARKS.sub("", written)
    if len(plain) > 4 and plain.endswith(("ته", "تها", "تهم", "اته", "اتها")):
        return True
    return len(plain) > 4 and plain[0] in "بل" and plain.endswith(("ه", "ها", "هم", "هما", "هن"))


def word_rank(key: str, lex: Lexicons) -> int | None:
    """Frequency rank of a word among everyday words, read through و، ف، ب، ل، ك (بشجاعة ranks as شجاعة)."""
    rank = lex.common_rank.get(key)
    if len(key) > 4 and key[0] in "وفبلك":
        stem = lex.common_rank.get(key[1:])
        if stem is not None and (rank is None or stem < rank):
            rank = stem
    return rank


_ARABIC_LETTERS = frozenset("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئة")


def add_new_person(found: Found, text: str, tokens: list[Token], i: int, j: int, skip: int = 0, *,
                   lex: Lexicons) -> int:
    """Register a person no lexicon knows under their Arabic name; returns tokens consumed (0: not a name)."""
    if j - i > 2 and _noun_with_adjective_after(tokens, j - 1, text, lex):
        j -= 1  # لوكاس زوكالا مرونة كبيرة: a noun and its adjective follow the name ("great flexibility")
    start, end = tokens[i].start + skip, tokens[j - 1].end
    name_ar = text[start:end]
    key = fold(name_ar)
    if any(key == c or key.startswith(c + " ") for c in lex.words.not_names):
        return 0  # حسن الجوار، رياض الأطفال
    known = _without_patronymic(tuple(t.key for t in tokens[i:j]), lex)
    pid = known.entity_id if known else found.people.get(tuple(key.split())) or _person_id(key)
    ent = found.entities.get(pid) or known or Entity(pid, "actor", name_ar, name_ar, "person")
    _add_person(found, text, tokens, i, j, start, pid, ent)
    remember_person(found, tokens[i:j], pid, skip_first=bool(skip), lex=lex)
    return j - i


_SON_OF = frozenset({"بن", "ابن"})


def _without_patronymic(keys: tuple[str, ...], lex: Lexicons) -> Entity | None:
    """The lexicon's person when the name is theirs with the father's (and grandfather's) names inserted: عادل بن
    أحمد الجبير is عادل الجبير; the given name and the family name both have to match."""
    if len(keys) < 4 or keys[1] not in _SON_OF:
        return None
    k = 1
    while k + 1 < len(keys) and keys[k] in _SON_OF:
        k += 2  # بن أحمد بن محمد
    if k >= len(keys):
        return None
    short = (keys[0], *keys[k:])
    return next((e for e in entity_index(lex=lex).forms.get(short, ())
                 if e.entity_type == "actor" and e.kind == "person"), None)


def _noun_with_adjective_after(tokens: list[Token], k: int, text: str, lex: Lexicons) -> bool:
    """Is token k an everyday noun in ة with an indefinite adjective in ة right after it (مرونة كبيرة)?"""
    if k + 1 >= len(tokens) or not text[tokens[k].start:tokens[k].end].endswith("ة") \
            or tokens[k].key not in lex.words.common_words or tokens[k].key in lex.given_names:
        return False
    nxt = tokens[k + 1]
    return gap_is_space(text, tokens[k].end, nxt.start) and text[nxt.start:nxt.end].endswith("ة") \
        and not nxt.key.startswith("ال") and nxt.key in lex.words.common_words


def _add_person(found: Found, text: str, tokens: list[Token], i: int, j: int, start: int, pid: str,
                ent: Entity | None) -> None:
    """Record one mention of a person (known or new) over tokens i..j."""
    if ent is not None:
        found.entities.setdefault(pid, ent)
    found.hits.append(Hit(i, j, start, tokens[j - 1].end, [found.entities[pid]], "person"))


def remember_person(found: Found, name_tokens: list[Token], pid: str, skip_first: bool = False, *,
                    lex: Lexicons) -> None:
    """Let later bare surnames (تيلرسون، سيد قادر، الراوي) point to this person."""
    keys = [t.key for t in name_tokens]
    if skip_first:
        keys[0] = keys[0][1:]
    found.people.setdefault(tuple(keys), pid)
    found.people_firsts.add(keys[0])
    for k in range(1, len(keys)):
        suffix = tuple(keys[k:])
        if len("".join(suffix)) >= 3 and suffix[0] not in lex.function_words["name_link"] \
                and not (len(suffix) == 1 and (suffix[0] == "الله" or suffix[0] in lex.demonyms
                                               or suffix[0] in lex.words.common_words
                                               and (lex.common_rank.get(suffix[0], SURNAME_RANK) < SURNAME_RANK
                                                    or suffix[0].endswith("ي")))):
            # ماي for تيريزا ماي, أينشتاين for ألبرت أينشتاين (a famous surname is a rarer "word"); never الله of
            # عبد الله, nor a frequent everyday word (الكبير، الأمين), an adjective in ي (إداري) or a demonym
            found.people.setdefault(suffix, pid)
            found.people_firsts.add(suffix[0])


# Words this frequent (تم، نشر، عالم، مواقع) are never part of a name the speaker logic found (رمضان, 940th, is;
# لو of لو مير is lost).
EVERYDAY_RANK = 700


def name_shaped(name: str, *, lex: Lexicons) -> bool:
    """Could a phrase the speaker logic took for a name be a person's name (إيلون ماسك), not a noun phrase or a
    verb and its subject (مخاوف السلطات، التقت بريجيت، زوجتاه السابقتان، لسيريان سومنر after وفقا)? By shape only."""
    written = [_TRAILING_MARKS.sub("", w) for w in name.split()]
    words = [fold(w) for w in written]
    if len(words) < 2:
        return False
    first, given = words[0], lex.given_names
    if first not in given and (
            first[0] in "بل" and first[1:] in lex.words.common_words or first[0] == "ل" and not first.startswith("لو")
            or first[0] in "وف" and lex.common_rank.get(first[1:], CLITIC_RANK) < PREPOSITION_RANK
            or _preposition_on_word(first, lex)
            or len(first) >= 4 and first.endswith("ت") and lex.common_rank.get(first[:-1], CLITIC_RANK) < CLITIC_RANK):
        return False  # a preposition on a word, a conjunction on one, a verb in the past with her ت (اختارت)
    links = lex.function_words["name_link"]
    for k, (key, as_written) in enumerate(zip(words, written)):
        if key in given or key in links:
            continue
        if key in lex.demonyms or key in lex.words.stopwords or key in lex.speech_cues \
                or lex.common_rank.get(key, CLITIC_RANK) < EVERYDAY_RANK:
            return False
        if k and not as_written.startswith("ال") and (
                key.endswith("ي") and lex.common_rank.get(key, CLITIC_RANK) < PREPOSITION_RANK
                or key.endswith(("يه", "يتان", "يون", "يين")) and key in lex.common_rank):
            return False  # مواقع محلية، خطط علمية: a noun and its adjective (a family name in ي may be commoner: بادي)
        if _possessed(as_written) or _future_verb(key, lex) or _present_verb(key, lex) \
                or _future_verb_other_person(key, lex) or _preposition_on_feminine_noun(key, lex) \
                or len(key) >= 6 and key.endswith("ات") or k < len(words) - 1 and _inflected_word(key, lex):
            return False
        if any(key.endswith(suffix) and len(key) - len(suffix) >= (4 if suffix == "ه" else 3)
               and lex.common_rank.get(key[:-len(suffix)], CLITIC_RANK) < (CLITIC_RANK if len(suffix) > 1 else PREPOSITION_RANK)
               for suffix in ("هما", "ها", "اه", "ه", "ك")):
            return False  # a pronoun on an everyday word (زوجتاه، متحدثها، خصائصه، سألك; عبده keeps its short stem)
        if as_written.startswith("ال") and not key.endswith("ي") \
                and (is_common(key, lex) or key.endswith(("ون", "ين", "ان", "ات"))):
            return False  # المستهلكين، السلطات: a definite noun, no family name (الكبيتس، العصيمي are)
    return True
