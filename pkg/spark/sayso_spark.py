"""Pre-annotate a JSONL corpus with Sayso under Apache Spark.

Each input line is one article, `{"id": ..., "text": ...}` or `{"id": ..., "html": ...}`, as
`sayso detect --jsonl` reads them. Spark splits the lines into partitions and pipes each partition
through one `sayso detect --jsonl` process on its executor; every output line carries its input's
`id`. `sayso` must be installed on every worker (the Debian package, or `cargo install`).

    python3 pkg/spark/sayso_spark.py articles.jsonl out/ [--master local[2]] [--sayso PATH]
    spark-submit pkg/spark/sayso_spark.py hdfs:///news/2026-12-03.jsonl hdfs:///sayso/2026-12-03

Output: Spark's usual folder of `part-*` files, one JSON line per article.
"""

import argparse
import shlex

from pyspark.sql import SparkSession


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="JSONL file or folder, one article per line")
    parser.add_argument("output", help="folder to write (must not exist)")
    parser.add_argument("--master", default=None, help="Spark master, e.g. local[2] (default: spark-submit's)")
    parser.add_argument("--sayso", default="sayso", help="path of the sayso program on the workers")
    parser.add_argument("--partitions", type=int, default=None, help="number of partitions (default: Spark's)")
    args = parser.parse_args()

    builder = SparkSession.builder.appName("sayso-detect")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        lines = spark.sparkContext.textFile(args.input, minPartitions=args.partitions)
        # Spark runs one task per partition on each core: one detection thread per process.
        command = f"{shlex.quote(args.sayso)} detect --jsonl --threads 1"
        lines.pipe(command).saveAsTextFile(args.output)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
