"""Reading the policy's plain-text form (policy/content/*.txt) into the page's stream data.

The format is the one the studio's policy is written in: a title line, preamble paragraphs,
"Article N (Title)" / "第N条（タイトル）" headings, "  N. text" numbered items whose indented
continuation lines are sub-items, and blank lines between paragraphs.
"""

import json
import re
import uuid
from pathlib import Path

CONTENT = Path(__file__).resolve().parent / "content"
ARTICLE = re.compile(r"^(?:Article \d+ \((?P<en>.+)\)|第\d+条（(?P<ja>.+)）)$")
ITEM = re.compile(r"^\s*\d+\.\s+(?P<text>.+)$")


def read_policy(language_code):
    return (CONTENT / f"privacy-policy.{language_code}.txt").read_text(encoding="utf-8")


def chunks(text):
    block = []
    for line in text.splitlines():
        if line.strip():
            block.append(line.rstrip())
        elif block:
            yield block
            block = []
    if block:
        yield block


def with_ids(blocks):
    """Give every stream child and list item a block id, as the admin form does; wagtail-localize
    addresses translatable segments by these ids."""
    for block in blocks:
        block.setdefault("id", str(uuid.uuid4()))
        value = block["value"]
        if block["type"] == "article":
            with_ids(value["content"])
        elif block["type"] == "items":
            block["value"] = [
                {"type": "item", "id": str(uuid.uuid4()), "value": item} for item in value
            ]
            for item in block["value"]:
                item["value"]["sub_items"] = [
                    {"type": "item", "id": str(uuid.uuid4()), "value": sub}
                    for sub in item["value"]["sub_items"]
                ]
    return blocks


def parse_policy(text):
    """(title, stream data) for a policy written in the plain-text form."""
    parts = list(chunks(text))
    title = parts[0][0].strip()
    blocks = []
    article = None
    for lines in parts[1:]:
        first = lines[0].strip()
        heading = ARTICLE.match(first)
        if heading:
            article = {"title": heading["en"] or heading["ja"], "content": []}
            blocks.append({"type": "article", "value": article})
        elif article is None:
            # The source repeats its title above the preamble; the page title already says it.
            if first != title:
                blocks.append({"type": "preamble", "value": " ".join(s.strip() for s in lines)})
        elif ITEM.match(lines[0]):
            item = {
                "text": ITEM.match(lines[0])["text"].strip(),
                "sub_items": [s.strip() for s in lines[1:]],
            }
            content = article["content"]
            if not content or content[-1]["type"] != "items":
                content.append({"type": "items", "value": []})
            content[-1]["value"].append(item)
        else:
            article["content"].append(
                {"type": "paragraph", "value": "\n".join(s.strip() for s in lines)}
            )
    return title, with_ids(blocks)


def policy_stream(language_code):
    title, blocks = parse_policy(read_policy(language_code))
    return title, json.dumps(blocks, ensure_ascii=False)
