#!/usr/bin/env python3
"""Parses Prometheus text (a file named on the command line) with the reference parser,
prometheus_client's text_string_to_metric_families, and prints every sample as JSON:
[{"name": ..., "labels": {...}, "value": ...}, ...]. Exits non-zero when the text does not
parse, so a malformed exposition fails the test that scraped it."""
import json
import sys

from prometheus_client.parser import text_string_to_metric_families


def main(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    samples = []
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            samples.append({"name": sample.name, "labels": dict(sample.labels),
                            "value": sample.value, "type": family.type})
    json.dump(samples, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
