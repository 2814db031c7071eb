"""What the YAML and JSON parsers say about a syntax error, in Vietnamese and English.

PyYAML and :mod:`json` explain an error in English ("mapping values are not allowed here",
"Expecting ',' delimiter"); a Vietnamese report must not show that (architecture §5.3).
:func:`parser_problem` recognises the parsers' phrases and words them from the catalogue
(``ui/parser.yaml``), as the ``problem``/``problem_en`` parameters of ``yaml-syntax``,
``json-syntax`` and ``scorecard-unreadable``. A phrase it does not know keeps the parser's
English in English and reads "cấu trúc tệp không hợp lệ" in Vietnamese.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ocop_docs.catalogue import LANGS, Lang, ui

# "while parsing a block mapping" → the thing being read.
_CONTEXTS: dict[str, str] = {
    "block mapping": "parser.what_block_mapping",
    "flow mapping": "parser.what_flow_mapping",
    "block collection": "parser.what_block_collection",
    "flow sequence": "parser.what_flow_sequence",
    "quoted scalar": "parser.what_quoted_scalar",
    "simple key": "parser.what_simple_key",
    "next token": "parser.what_token",
}
# PyYAML's token names inside a problem ("but found '<block mapping start>'").
_TOKENS: dict[str, str] = {
    "<block mapping start>": "parser.token_key",
    "<block sequence start>": "parser.token_item",
    "<stream end>": "parser.token_end",
    "?": "parser.token_key",
}
_CONTEXT = re.compile(r"while (?:parsing|scanning) (?:an? |for )?(?:the )?(?P<what>.+)")


# The parser's phrase → the catalogue key; named groups become the text's parameters.
@lru_cache(maxsize=1)
def _problems() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The parser's phrase → the catalogue key; compiled on the first syntax error, not at
    every start (issue 15)."""
    return tuple(
        (re.compile(pattern), key)
        for pattern, key in (
            # PyYAML's pure-Python parser and libyaml (the C loader) word some problems apart.
            (r"mapping values are not allowed (?:here|in this context)", "parser.mapping_values"),
            (r"block sequence entries are not allowed in this context", "parser.block_end_dash"),
            (r"did not find expected key", "parser.expected_key"),
            (r"did not find expected '-' indicator", "parser.expected_dash"),
            (
                r"did not find expected '?(?P<expected>[^']*)'? or '(?P<found>[^']*)'",
                "parser.expected_either",
            ),
            (r"did not find expected node content", "parser.expected_value"),
            (r"found character that cannot start any token", "parser.bad_character_any"),
            (r"found (?:a )?tab character that violates indentation", "parser.tab"),
            (r"found unknown escape character.*", "parser.json_escape"),
            (r"expected <block end>, but found '(?P<found>[^']*)'", "parser.block_end"),
            (
                r"expected '(?P<expected>[^']*)' or '(?P<found>[^']*)', but got .*",
                "parser.expected_either",
            ),
            (
                r"expected '?(?P<expected>[^']*)'?, but (?:got|found) '(?P<found>[^']*)'",
                "parser.expected_closing",
            ),
            (r"found unexpected end of stream", "parser.unexpected_end"),
            (r"found character '(?P<char>.+)' that cannot start any token", "parser.bad_character"),
            (r"could not find expected ':'", "parser.expected_colon"),
            (r"found undefined alias '?(?P<name>[^']*)'?", "parser.undefined_alias"),
            (r"found undefined alias", "parser.undefined_alias_any"),
            (r"thẻ YAML không được hỗ trợ: (?P<tag>.+)", "parser.unsupported_tag"),
            (r"khóa gộp «<<» không được hỗ trợ trong hồ sơ", "parser.merge_key"),
            (r"Expecting property name enclosed in double quotes", "parser.json_property"),
            (r"Expecting ':' delimiter", "parser.json_colon"),
            (r"Expecting ',' delimiter", "parser.json_comma"),
            (r"Expecting value", "parser.json_value"),
            (r"Unterminated string starting at", "parser.json_unterminated"),
            (r"Extra data", "parser.json_extra"),
            (r"Invalid control character at", "parser.json_control"),
            (r"Invalid \\escape", "parser.json_escape"),
            (r"Illegal trailing comma before end of (?:object|array)", "parser.json_value"),
        )
    )


def _problem(text: str, lang: Lang) -> str:
    for pattern, key in _problems():
        match = pattern.fullmatch(text.strip())
        if match:
            params = {
                k: ui(_TOKENS[v], lang) if v in _TOKENS else "Tab" if v == "\\t" else v
                for k, v in match.groupdict().items()
            }
            return ui(key, lang, **params) if params else ui(key, lang)
    return ui("parser.unknown", lang) if lang == "vi" else text


def parser_problem(problem: str, context: str | None = None) -> dict[Lang, str]:
    """A parser's problem (and PyYAML's ``context``, "while parsing …") in both languages."""
    out: dict[Lang, str] = {}
    for lang in LANGS:
        text = _problem(problem, lang)
        if context:
            match = _CONTEXT.fullmatch(context.strip())
            key = _CONTEXTS.get(match.group("what"), "") if match else ""
            what = ui(key or "parser.what_other", lang)
            text = f"{ui('parser.context', lang, what=what)}, {text}"
        out[lang] = text
    return out
