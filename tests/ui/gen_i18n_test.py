#!/usr/bin/python3
"""tests/ui/gen_i18n_test.py — the catalog generator (tools/i18n/gen_i18n.py) accepts the committed catalogs
and refuses a translation that would break the UI: a missing key, or printf conversions that differ."""
import json
import pathlib
import subprocess
import sys
import tempfile
import unittest

ROOT = pathlib.Path(__file__).resolve().parents[2]
GEN = ROOT / "tools/i18n/gen_i18n.py"
ZH, EN = ROOT / "assets/i18n/zh-CN.json", ROOT / "assets/i18n/en.json"


def run(zh, en, out):
    return subprocess.run([sys.executable, str(GEN), out, str(zh), str(en)], capture_output=True, text=True)


class GenI18n(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.en = json.loads(EN.read_text(encoding="utf-8"))

    def tearDown(self):
        self.dir.cleanup()

    def broken(self, change):
        catalog = json.loads(json.dumps(self.en))
        change(catalog)
        path = pathlib.Path(self.dir.name) / "en.json"
        path.write_text(json.dumps(catalog, ensure_ascii=False), encoding="utf-8")
        return run(ZH, path, self.dir.name)

    def test_committed_catalogs_generate_every_table(self):
        result = run(ZH, EN, self.dir.name)
        self.assertEqual(result.returncode, 0, result.stderr)
        texts = (pathlib.Path(self.dir.name) / "ui/i18n_texts.inc").read_text(encoding="utf-8")
        self.assertIn('{"工友", "Gongyou"}', texts)

    def test_a_missing_key_is_refused(self):
        result = self.broken(lambda c: c["texts"].pop("app_title"))
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("app_title", result.stderr)

    def test_a_key_given_twice_is_refused(self):
        path = pathlib.Path(self.dir.name) / "en.json"
        text = EN.read_text(encoding="utf-8").replace('"texts": {', '"texts": {\n    "app_title": "Again",', 1)
        path.write_text(text, encoding="utf-8")
        result = run(ZH, path, self.dir.name)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("app_title", result.stderr)

    def test_a_changed_conversion_is_refused(self):
        result = self.broken(lambda c: c["texts"].__setitem__("sites_count", "%s sites"))
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("sites_count", result.stderr)

    def test_six_weekdays_are_refused(self):
        result = self.broken(lambda c: c["weekdays"].pop())
        self.assertNotEqual(result.returncode, 0)


if __name__ == "__main__":
    unittest.main()
