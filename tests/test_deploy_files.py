"""The deployment files in deploy/ stay true to the code: every setting has its line in the
example environment, every command the units run exists, and what nginx assumes about static
files and WebSocket paths holds. (nginx -t and systemd-analyze verify need the real machine;
docs/deployment.md says how to run them there.)"""

from __future__ import annotations

import gc
import importlib.util
import re
import runpy
from pathlib import Path

from django.core.management import get_commands

from lampio.digital.routing import websocket_urlpatterns

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
READ_FROM_ENVIRONMENT = re.compile(
    r"(?:os\.environ\.get|env_bool|env_int|env_float|env_list)\(\s*\"([A-Z0-9_]+)\""
)


def test_the_example_environment_lists_every_variable_the_settings_read():
    settings_source = (ROOT / "lampio" / "settings.py").read_text(encoding="utf-8")
    read = set(READ_FROM_ENVIRONMENT.findall(settings_source))
    assert len(read) > 40  # the pattern still finds them
    example = (DEPLOY / "lampio.env.example").read_text(encoding="utf-8")
    listed = set(re.findall(r"^#?([A-Z][A-Z0-9_]+)=", example, flags=re.MULTILINE))
    assert read - listed == set(), "add these to deploy/lampio.env.example"


def test_every_management_command_the_units_run_exists():
    commands = set(get_commands())
    named = set()
    for unit in (DEPLOY / "systemd").iterdir():
        text = unit.read_text(encoding="utf-8")
        named |= set(re.findall(r"manage\.py (\w+)", text))
        named |= {name for name in re.findall(r"^Unit=lampio-manage@(\w+)\.service", text, re.M)}
    assert {"run_scheduler", "rqworker", "send_session_reminders"} <= named
    # rqworker comes with django_rq, which settings install only with the RQ backend.
    assert importlib.util.find_spec("django_rq.management.commands.rqworker")
    assert named - commands - {"rqworker"} == set()


def test_scripts_named_by_the_static_files_source_maps_exist():
    # Production's collectstatic (hashed names) fails on a reference to a missing file.
    static_roots = [ROOT / "lampio" / "static", *ROOT.glob("lampio/*/static")]
    checked = 0
    for root in static_roots:
        for path in [*root.rglob("*.js"), *root.rglob("*.css")]:
            if not path.is_file():  # (a directory named hls.js)
                continue
            tail = path.read_bytes()[-400:].decode("utf-8", "replace")
            for name in re.findall(r"sourceMappingURL=([^\s*]+)", tail):
                checked += 1
                assert (path.parent / name).exists(), f"{path} names a missing {name}"
    assert checked >= 2  # Leaflet and hls.js, vendored by `make vendor`


def test_nginx_caches_exactly_the_hashed_static_names_and_proxies_every_websocket_path():
    conf = (DEPLOY / "nginx" / "lampio.conf").read_text(encoding="utf-8")
    hashed = re.search(r'location ~ "(\^/static/[^"]+)"', conf)
    assert hashed
    pattern = re.compile(hashed.group(1))
    # Django's manifest storage inserts the first 12 hex digits of the MD5 of the content.
    assert pattern.match("/static/vendor/htmx.org/htmx.min.3f9c2a1b7e4d.js")
    assert pattern.match("/static/vendor/leaflet/leaflet.js.688f7ebf09c2.map")
    assert not pattern.match("/static/vendor/htmx.org/htmx.min.js")
    assert not pattern.match("/static/vendor/versions.json")
    assert "location /ws/ {" in conf
    assert all(str(route.pattern).startswith("ws/") for route in websocket_urlpatterns)


def test_nginx_serves_no_private_or_unlisted_media():
    conf = (DEPLOY / "nginx" / "lampio.conf").read_text(encoding="utf-8")
    public = re.search(r'location ~ "(\^/media/[^"]+)"', conf)
    assert public
    pattern = re.compile(public.group(1))
    assert pattern.match("/media/spaces/sali.jpg")
    for path in ("/media/pilots/2026/plan.pdf", "/media/spaces/x.html", "/media/feedback/a.jpg"):
        assert not pattern.match(path), path
    assert "/var/lib/lampio/private" not in conf


def test_the_web_unit_runs_the_gunicorn_configuration_the_benchmarks_measure():
    config = runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))
    assert config["worker_class"] == "sync"
    assert config["wsgi_app"] == "lampio.wsgi:application"
    assert config["workers"] >= 2
    web = (DEPLOY / "systemd" / "lampio-web@.service").read_text(encoding="utf-8")
    assert "--config /srv/lampio/deploy/gunicorn.conf.py" in web
    bench = (ROOT / "benchmarks" / "common" / "server.py").read_text(encoding="utf-8")
    assert '"deploy" / "gunicorn.conf.py"' in bench
    # Everything the configuration reads from the environment has its line in the example.
    source = (DEPLOY / "gunicorn.conf.py").read_text(encoding="utf-8")
    example = (DEPLOY / "lampio.env.example").read_text(encoding="utf-8")
    for name in READ_FROM_ENVIRONMENT.findall(source):
        assert re.search(rf"^#?{name}=", example, flags=re.MULTILINE), name


def test_a_loaded_worker_keeps_the_garbage_collector_off_what_it_loaded():
    config = runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))
    threshold = gc.get_threshold()
    try:
        config["post_worker_init"](object())
        assert gc.get_freeze_count() > 10_000  # Django and the app, at least
        assert gc.get_threshold()[0] == 50_000
    finally:
        gc.unfreeze()
        gc.set_threshold(*threshold)


def test_nginx_sends_pages_to_gunicorn_and_websockets_to_daphne():
    conf = (DEPLOY / "nginx" / "lampio.conf").read_text(encoding="utf-8")

    def ports(upstream: str) -> set[str]:
        block = re.search(rf"upstream {upstream} {{(.*?)}}", conf, flags=re.DOTALL)
        assert block
        return set(re.findall(r"^\s*server [\d.]+:(\d+)", block.group(1), flags=re.MULTILINE))

    assert ports("lampio_app") == {"8001"}
    assert ports("lampio_ws") == {"8101"}
    ws = (DEPLOY / "systemd" / "lampio-ws@.service").read_text(encoding="utf-8")
    assert "daphne" in ws and "lampio.asgi:application" in ws
