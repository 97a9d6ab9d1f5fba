#!/usr/bin/env python3
"""Adds or updates texts in a pair of resource files, for developers adding UI texts.

    scripts/resx.py Workflows.Web/Components/Layout/LayoutText < texts.tsv

reads lines `Key<TAB>English<TAB>German[<TAB>comment]` and writes them into LayoutText.resx (English, the neutral
resources) and LayoutText.de.resx (German), creating the files when missing. Existing keys are updated in place, new
ones appended; nothing else in the files changes.

A line of TSV cannot hold a line break: write `\n` for one in the English and German texts (a Markdown list, an
e-mail body). A text cannot hold a tab, nor a backslash followed by `n`.
"""
import sys
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

HEADER = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''


def read(path):
    try:
        root = ET.parse(path).getroot()
    except FileNotFoundError:
        return []
    entries = []
    for data in root.findall('data'):
        comment = data.find('comment')
        entries.append([data.get('name'), data.find('value').text or '', comment.text if comment is not None else None])
    return entries


def write(path, entries):
    with open(path, 'w', encoding='utf-8', newline='\n') as out:
        out.write(HEADER)
        for name, value, comment in entries:
            note = f'<comment>{escape(comment)}</comment>' if comment else ''
            out.write(f'  <data name="{escape(name, {chr(34): "&quot;"})}" xml:space="preserve"><value>{escape(value)}</value>{note}</data>\n')
        out.write('</root>\n')


def merge(entries, name, value, comment):
    for entry in entries:
        if entry[0] == name:
            entry[1] = value
            entry[2] = comment or entry[2]
            return
    entries.append([name, value, comment])


def main():
    base = sys.argv[1].removesuffix('.resx')
    english, german = read(base + '.resx'), read(base + '.de.resx')
    for line in sys.stdin.read().splitlines():
        if not line.strip() or line.startswith('#'):
            continue
        parts = line.split('\t')
        if len(parts) < 3:
            sys.exit(f'needs Key<TAB>English<TAB>German: {line!r}')
        name, en, de = parts[0], parts[1].replace('\\n', '\n'), parts[2].replace('\\n', '\n')
        comment = parts[3] if len(parts) > 3 else None
        merge(english, name, en, comment)
        merge(german, name, de, None)
    write(base + '.resx', english)
    write(base + '.de.resx', german)


if __name__ == '__main__':
    main()
