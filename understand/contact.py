"""Where to apply: the first URL or e-mail address given with an application cue.

Obfuscated addresses are restored: "name[at]org.org", "name (at) org dot org", "name AT org.org",
"name(arobase)org.org", "jobs at org dot org" → "name@org.org". Addresses in e-mail headers
("From:", "Sender:") and links given for other purposes ("For further information on our
benefits, visit ...") are not application contacts.
"""

from __future__ import annotations

import re

from understand.text import Doc, clip, fold, split_sentences

# "at" and "dot" as the languages write them to hide an address: es/pt, fr, ru, uk, cs/sk, pl,
# hu, it.
_AT_WORDS = r"at|arroba|arobase|собака|собачка|равлик|zavin[aá][cč]|ma[lł]pa|kukac|chiocciola"
_DOT_WORDS = r"dot|punto|point|ponto|точка|крапка|te[cč]ka|kropka|pont"
_AT = rf"(?:\s*@\s*|\s*[\[(<{{]\s*(?:{_AT_WORDS})\s*[\])>}}]\s*|\s+at\s+|\s+AT\s+)"
_DOT = rf"(?:\.|\s*[\[(<{{]\s*(?:{_DOT_WORDS})\s*[\])>}}]\s*|\s+dot\s+|\s+DOT\s+)"
_EMAIL = re.compile(
    rf"(?<![\w.+-])([A-Za-z0-9][\w.+-]{{0,63}}){_AT}((?:[A-Za-z0-9-]{{1,63}}{_DOT})+[A-Za-z]{{2,24}})\b"
)
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"'()\[\]{}]{2,300}", re.I)
_APPLY = re.compile(
    r"\b(?:apply|applications?|applicants?|candidates?\s+should|send|submit|submission|cv|resume"
    r"|cover\s+letter|to\s+be\s+considered|postul\w*|aplicar|solicitud\w*|candidatur\w*|envoy\w*"
    r"|soumett\w*|envi\w*|hoja\s+de\s+vida|заявк\w*|резюме|подать|направ\w*|ansok\w*|ansokan"
    r"|bewerb\w*|подання|التقديم|للتقديم|zgłosze\w*|aplikacj\w*|przesył\w*|wysył\w*|zasil\w*"
    r"|prihlas\w*|zivotopis\w*|basvur\w*|присыла\w*|надсила\w*|отправ\w*|invia\w*"
    r"|unterlagen|candidat\w*|wysła\w*|formular\w*|inscri\w*|inscreva\w*|sollicit\w*|stuur"
    r"|jelentkez\w*|ارسال|anschreiben|lebenslauf|кандидат\w*"
    r"|see\s+(?:the\s+)?(?:full\s+)?(?:vacancy|job|position|posting|offer))\b"
)
_APPLY_HEADING = re.compile(
    r"^(?:apply(?:\s+(?:here|now|online))?|how\s+to\s+apply|to\s+apply|candidature|postular\w*)\W*$"
)
_OTHER_PURPOSE = re.compile(
    r"\b(?:benefits|privacy|cookies?|newsletter|donat\w*|more\s+information\s+about\s+us)\b"
)
# A page's own link field ("link = \"https://...\"" in front matter, "Link: https://..."): the
# posting's link, taken when no sentence says where to apply.
_LINK_FIELD = re.compile(
    r"^\s*(?:(?:apply|application)[\s_-]*(?:url|link)|link|url|ბმული)\s*[=:]\s*[\"']?"
    r"(?:https?://|www\.)",
    re.I,
)
_MAIL_HEADER = re.compile(
    r"^(?:from|to|sender|reply-to|message-id|subject|cc|original\s+sender)\s*:", re.I
)


def email_in(text: str) -> str | None:
    """The first e-mail address in `text`, de-obfuscated, or None."""
    for m in _EMAIL.finditer(text):
        local, domain = m.group(1), m.group(2)
        plain_at = re.search(r"\sat\s", m.group(0))
        spelled_dot = "." not in domain  # "org dot org": written out to hide an address
        if (
            plain_at
            and not spelled_dot
            and (not re.search(r"[._-]", local) or domain.lower().startswith("www"))
        ):
            continue  # "meet us at example.org" is prose; "first.last at org.org" and
            # "jobs at org dot org" are addresses
        domain = re.sub(_DOT, ".", domain)
        return f"{local.rstrip('.')}@{domain}".lower()
    return None


def url_in(text: str) -> str | None:
    """The first whole URL in `text`, without trailing punctuation, or None (a link shortened
    for display, "https://example.org/…/42", leads nowhere)."""
    for m in _URL.finditer(text):
        if "…" not in m.group(0):
            return m.group(0).rstrip(".,;:!?»”")
    return None


def _in_apply_sentence(line: str) -> str | None:
    """The address of the line's first sentence that says to apply, when the line has several
    ("For questions write to A. Applications go through B." gives B)."""
    sentences = split_sentences(line)
    if len(sentences) < 2:
        return None
    for sentence in sentences:
        if _APPLY.search(fold(sentence)) and (found := email_in(sentence) or url_in(sentence)):
            return found
    return None


def apply_contact(doc: Doc, hint: str | None) -> tuple[str | None, str]:
    """The application URL or e-mail address and its sentence, or (None, "")."""
    if hint:
        return hint, "(platform data)"
    lines = doc.lines
    for i, line in enumerate(lines):
        if _APPLY_HEADING.match(fold(line)):
            for nxt in lines[i + 1 : i + 3]:
                if found := email_in(nxt) or url_in(nxt):
                    return found, clip(f"{line} {nxt}")
    cued = doc.lines_matching(_APPLY)  # every line where `_APPLY` matches, and maybe a few more
    for i, line in enumerate(lines):
        if i not in cued or _MAIL_HEADER.match(line):
            continue
        folded = fold(line)
        if not _APPLY.search(folded) or _OTHER_PURPOSE.search(folded):
            continue
        if found := _in_apply_sentence(line) or email_in(line) or url_in(line):
            return found, clip(line)
        if folded.rstrip().endswith(":"):  # "Apply through the form below:", then the link alone
            nxt = next((n for n in lines[i + 1 : i + 4] if n.strip()), "")
            found = email_in(nxt) or url_in(nxt)
            if found and len(found) >= 0.6 * len(nxt.strip(" \t-*•:()<>")):
                return found, clip(f"{line} {nxt}")
    for line in lines:
        if _LINK_FIELD.match(line) and (found := url_in(line)):
            return found, clip(line)
    return None, ""
