#!/usr/bin/env python3
"""Backup and restore drill for Lämpiö's PostgreSQL database.

Dumps the source database (pg_dump, custom format), creates a fresh database on the same
server, restores the dump into it (pg_restore) and compares the row count of every table in
the restored copy with the source. Prints one line per table and exits non-zero when anything
differs or any step fails. The restored database is dropped afterwards unless --keep is given.

The source counts are taken in the same snapshot that pg_dump reads (an exported snapshot of a
REPEATABLE READ transaction), so a drill against the live production database compares like
with like even while residents keep booking.

    scripts/backup_restore_drill.py                       # DATABASE_URL is the source
    scripts/backup_restore_drill.py --source postgres://lampio@db.internal/lampio \\
        --dump-file /var/backups/lampio/lampio.dump       # keep the dump and its counts
    scripts/backup_restore_drill.py --restore-from /var/backups/lampio/lampio.dump
                                                           # drill an earlier backup

A dump made with --dump-file gets a manifest beside it (`<dump>.counts.json`, the row counts
at the moment of the dump); --restore-from restores such a dump and compares with its manifest.

Exit status: 0 the restored copy matches, 1 a step failed or counts differ, 2 wrong usage.
Needs psycopg (in the project's virtual environment) and PostgreSQL's client programs of the
server's major version or newer (found in /usr/lib/postgresql/<major>/bin when installed).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

try:
    import psycopg
    from psycopg import sql
    from psycopg.conninfo import conninfo_to_dict, make_conninfo
except ImportError:  # pragma: no cover - depends on the environment
    sys.exit("backup drill: psycopg is missing; run this with the project's .venv/bin/python")

OK, FAILED, USAGE = 0, 1, 2

# Every ordinary and partitioned table outside PostgreSQL's own schemas, with its exact row
# count (query_to_xml runs one count(*) per table inside this one statement and snapshot).
COUNTS_SQL = """
SELECT format('%s.%s', n.nspname, c.relname) AS name,
       (xpath('/row/count/text()',
              query_to_xml(format('SELECT count(*) FROM %I.%I', n.nspname, c.relname),
                           false, true, '')))[1]::text::bigint AS count
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\\_toast%'
  AND n.nspname NOT LIKE 'pg\\_temp\\_%'
ORDER BY 1
"""


class DrillError(Exception):
    """A step of the drill failed; the message says which and why."""


@dataclass
class Server:
    """Connection settings of one PostgreSQL server; `dbname` picks the database."""

    params: dict[str, Any]

    @classmethod
    def from_url(cls, url: str) -> Server:
        # dj-database-url also takes pgsql://, postgis:// etc.; libpq only postgres(ql)://.
        url = re.sub(r"^(pgsql|postgis|postgresql\+\w+)://", "postgresql://", url.strip())
        if not url.startswith(("postgres://", "postgresql://")) and "=" not in url:
            raise ValueError(f"not a PostgreSQL URL: {url!r}")
        params = conninfo_to_dict(url)
        if not params.get("dbname"):
            raise ValueError("the URL names no database")
        return cls(params)

    @property
    def dbname(self) -> str:
        return str(self.params["dbname"])

    def conninfo(self, dbname: str | None = None) -> str:
        """A libpq connection string without the password (that goes in PGPASSWORD)."""
        params = {k: v for k, v in self.params.items() if k != "password"}
        if dbname:
            params["dbname"] = dbname
        return make_conninfo(**params)

    def connect(self, dbname: str | None = None, **kwargs: Any) -> psycopg.Connection[Any]:
        params = dict(self.params, connect_timeout=self.params.get("connect_timeout", 10))
        if dbname:
            params["dbname"] = dbname
        return psycopg.connect(**params, **kwargs)

    def client_env(self) -> dict[str, str]:
        env = dict(os.environ)
        if self.params.get("password"):
            env["PGPASSWORD"] = str(self.params["password"])
        return env


def table_counts(connection: psycopg.Connection[Any]) -> dict[str, int]:
    return {name: int(count) for name, count in connection.execute(COUNTS_SQL).fetchall()}


def find_bindir(requested: str | None, server_major: int) -> Path | None:
    """The client programs to use: --bindir, $PG_BINDIR, Debian's directory for the server's
    major version, or whatever is on PATH (None)."""
    if requested:
        return Path(requested)
    debian = Path(f"/usr/lib/postgresql/{server_major}/bin")
    return debian if (debian / "pg_dump").exists() else None


def program(bindir: Path | None, name: str) -> str:
    if bindir is not None:
        path = bindir / name
        if not path.exists():
            raise DrillError(f"{path} does not exist")
        return str(path)
    found = shutil.which(name)
    if not found:
        raise DrillError(f"{name} is not on PATH; install postgresql-client or pass --bindir")
    return found


def client_major(executable: str) -> int:
    output = subprocess.run(  # noqa: S603 (PostgreSQL's own client programs)
        [executable, "--version"], capture_output=True, text=True, check=True
    ).stdout
    match = re.search(r"\(PostgreSQL\) (\d+)", output)
    if not match:
        raise DrillError(f"cannot read the version of {executable}: {output.strip()!r}")
    return int(match.group(1))


def run(command: list[str], env: dict[str, str], step: str) -> None:
    # pg_dump and pg_restore with arguments built here, never through a shell.
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip()
        raise DrillError(f"{step} failed (exit {result.returncode}):\n{detail}")


def dump(server: Server, pg_dump: str, dump_file: Path) -> dict[str, Any]:
    """Dump the source database and count its tables in the same snapshot."""
    with server.connect(autocommit=True) as connection:
        connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        snapshot = connection.execute("SELECT pg_export_snapshot()").fetchone()[0]
        counts = table_counts(connection)
        run(
            [
                pg_dump,
                "--format=custom",
                f"--snapshot={snapshot}",
                f"--file={dump_file}",
                f"--dbname={server.conninfo()}",
            ],
            server.client_env(),
            "pg_dump",
        )
        connection.execute("COMMIT")
        server_version = connection.info.server_version
    return {
        "database": server.dbname,
        "dumped_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "server_version": server_version,
        "tables": counts,
    }


def create_database(server: Server, maintenance_db: str, source_db: str | None, name: str) -> None:
    """A fresh, empty database from template0, with the source's encoding and locale when the
    source is on this server."""
    with server.connect(maintenance_db, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if exists:
            raise DrillError(f"database {name!r} already exists; the drill only uses new ones")
        options = sql.SQL("")
        row = None
        if source_db:
            row = connection.execute(
                "SELECT pg_encoding_to_char(encoding), datcollate, datctype FROM pg_database"
                " WHERE datname = %s",
                [source_db],
            ).fetchone()
        if row:
            options = sql.SQL(" ENCODING {} LC_COLLATE {} LC_CTYPE {}").format(
                sql.Literal(row[0]), sql.Literal(row[1]), sql.Literal(row[2])
            )
        connection.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE template0").format(sql.Identifier(name)) + options
        )


def drop_database(server: Server, maintenance_db: str, name: str) -> None:
    with server.connect(maintenance_db, autocommit=True) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))


def restore(server: Server, pg_restore: str, dump_file: Path, target: str) -> None:
    # One transaction that stops at the first error: a dump that does not restore whole fails.
    # Owners and grants are left out so that the drill restores as the connecting role even
    # where the production roles do not exist.
    run(
        [
            pg_restore,
            "--exit-on-error",
            "--single-transaction",
            "--no-owner",
            "--no-privileges",
            f"--dbname={server.conninfo(target)}",
            str(dump_file),
        ],
        server.client_env(),
        "pg_restore",
    )


def compare(source: dict[str, int], restored: dict[str, int]) -> tuple[list[str], int]:
    """Report lines for every table and the number of tables that differ."""
    names = sorted(set(source) | set(restored))
    width = max([len("table"), *(len(name) for name in names)])
    lines = [f"{'table':<{width}}  {'source':>10}  {'restored':>10}  result"]
    lines.append(f"{'-' * width}  {'-' * 10}  {'-' * 10}  ------")
    differences = 0
    for name in names:
        before, after = source.get(name), restored.get(name)
        same = before == after
        differences += not same
        lines.append(
            f"{name:<{width}}  {'missing' if before is None else before:>10}  "
            f"{'missing' if after is None else after:>10}  {'ok' if same else 'DIFFERS'}"
        )
    return lines, differences


def default_target(source_db: str) -> str:
    stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
    return f"{source_db[:40]}_drill_{stamp}_{os.getpid()}"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Dump, restore into a fresh database and compare the row counts.",
    )
    parser.add_argument(
        "--source",
        default=os.environ.get("DATABASE_URL", ""),
        help="PostgreSQL URL of the database to back up (default: $DATABASE_URL). With "
        "--restore-from it only names the server to restore on.",
    )
    parser.add_argument(
        "--dump-file", type=Path, help="keep the dump here (and its counts in <file>.counts.json)"
    )
    parser.add_argument(
        "--restore-from",
        type=Path,
        help="restore this earlier dump instead of making one; compares with <file>.counts.json",
    )
    parser.add_argument("--target-db", help="name of the fresh database (default: generated)")
    parser.add_argument(
        "--maintenance-db",
        default="postgres",
        help="database to connect to for CREATE/DROP DATABASE (default: postgres)",
    )
    parser.add_argument("--keep", action="store_true", help="do not drop the restored database")
    parser.add_argument(
        "--bindir",
        default=os.environ.get("PG_BINDIR") or None,
        help="directory of pg_dump and pg_restore (default: $PG_BINDIR, "
        "/usr/lib/postgresql/<server major>/bin, or PATH)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not args.source:
        print("backup drill: give --source or set DATABASE_URL", file=sys.stderr)
        return USAGE
    if args.dump_file and args.restore_from:
        print("backup drill: --dump-file and --restore-from exclude each other", file=sys.stderr)
        return USAGE
    try:
        server = Server.from_url(args.source)
    except ValueError as error:
        print(f"backup drill: {error}", file=sys.stderr)
        return USAGE

    workdir = Path(tempfile.mkdtemp(prefix="lampio-drill-"))
    target = args.target_db or default_target(server.dbname)
    created = False
    try:
        with server.connect(args.maintenance_db) as connection:
            server_major = connection.info.server_version // 10000
        bindir = find_bindir(args.bindir, server_major)
        pg_dump, pg_restore = program(bindir, "pg_dump"), program(bindir, "pg_restore")
        for executable in (pg_dump, pg_restore):
            if client_major(executable) < server_major:
                raise DrillError(
                    f"{executable} is older than the server (PostgreSQL {server_major}); "
                    f"install postgresql-client-{server_major} or pass --bindir"
                )

        if args.restore_from:
            dump_file = args.restore_from
            manifest_file = Path(f"{dump_file}.counts.json")
            if not dump_file.is_file():
                raise DrillError(f"no dump at {dump_file}")
            if not manifest_file.is_file():
                raise DrillError(f"no counts beside the dump: {manifest_file} is missing")
            manifest = json.loads(manifest_file.read_text(encoding="utf-8"))
            print(f"Restoring {dump_file} (dumped {manifest.get('dumped_at', '?')})")
        else:
            dump_file = args.dump_file or workdir / f"{server.dbname}.dump"
            print(f"Dumping {server.dbname} to {dump_file}")
            manifest = dump(server, pg_dump, dump_file)
            if args.dump_file:
                Path(f"{dump_file}.counts.json").write_text(
                    json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8"
                )
            size = dump_file.stat().st_size
            print(f"Dump: {size / 1024 / 1024:.1f} MiB, {len(manifest['tables'])} tables")

        source_counts: dict[str, int] = manifest["tables"]
        if not source_counts:
            raise DrillError("the source has no tables: nothing to check")

        print(f"Restoring into the fresh database {target}")
        same_server_source = None if args.restore_from else server.dbname
        create_database(server, args.maintenance_db, same_server_source, target)
        created = True
        restore(server, pg_restore, dump_file, target)
        with server.connect(target) as connection:
            restored_counts = table_counts(connection)

        lines, differences = compare(source_counts, restored_counts)
        print("\n".join(lines))
        rows = sum(source_counts.values())
        if differences:
            print(f"FAILED: {differences} of {len(lines) - 2} tables differ")
            return FAILED
        print(f"OK: {len(source_counts)} tables, {rows} rows restored and counted")
        return OK
    except (DrillError, psycopg.Error, OSError, subprocess.CalledProcessError) as error:
        print(f"FAILED: {error}", file=sys.stderr)
        return FAILED
    finally:
        if created and not args.keep:
            try:
                drop_database(server, args.maintenance_db, target)
            except psycopg.Error as error:
                print(f"could not drop {target}: {error}", file=sys.stderr)
        elif created:
            print(f"Kept the restored database {target}")
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
